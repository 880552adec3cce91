package org.equinode.chain;

import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;

/**
 * A block's id: the eq/block hash of its 120-byte header.
 *
 * @param hash the 32 bytes
 */
public record BlockHash(Hash32 hash) {
  /** The id with these 32 bytes in hex. */
  public static BlockHash parse(String hex) {
    return new BlockHash(Hash32.parse(hex));
  }

  public static BlockHash read(ByteReader reader) {
    return new BlockHash(Hash32.read(reader));
  }

  public void write(ByteWriter writer) {
    hash.write(writer);
  }

  @Override
  public String toString() {
    return hash.toString();
  }
}
