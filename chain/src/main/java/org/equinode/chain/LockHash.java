package org.equinode.chain;

import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;

/**
 * What an output pays to: the eq/lock hash of a lock's canonical encoding. An address is this hash
 * in bech32m.
 *
 * @param hash the 32 bytes
 */
public record LockHash(Hash32 hash) {
  /** The id with these 32 bytes in hex. */
  public static LockHash parse(String hex) {
    return new LockHash(Hash32.parse(hex));
  }

  public static LockHash read(ByteReader reader) {
    return new LockHash(Hash32.read(reader));
  }

  public void write(ByteWriter writer) {
    hash.write(writer);
  }

  @Override
  public String toString() {
    return hash.toString();
  }
}
