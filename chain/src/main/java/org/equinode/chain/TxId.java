package org.equinode.chain;

import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;

/**
 * A transaction's id: the eq/tx hash of its encoding without witnesses. Stays the same when a
 * witness changes, so a pre-signed child spending it stays valid.
 *
 * @param hash the 32 bytes
 */
public record TxId(Hash32 hash) {
  /** The id with these 32 bytes in hex. */
  public static TxId parse(String hex) {
    return new TxId(Hash32.parse(hex));
  }

  public static TxId read(ByteReader reader) {
    return new TxId(Hash32.read(reader));
  }

  public void write(ByteWriter writer) {
    hash.write(writer);
  }

  @Override
  public String toString() {
    return hash.toString();
  }
}
