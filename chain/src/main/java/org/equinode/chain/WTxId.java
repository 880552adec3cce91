package org.equinode.chain;

import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;

/**
 * A transaction's witness id: the eq/wtx hash of its full encoding, witnesses included.
 *
 * @param hash the 32 bytes
 */
public record WTxId(Hash32 hash) {
  /** The id with these 32 bytes in hex. */
  public static WTxId parse(String hex) {
    return new WTxId(Hash32.parse(hex));
  }

  public static WTxId read(ByteReader reader) {
    return new WTxId(Hash32.read(reader));
  }

  public void write(ByteWriter writer) {
    hash.write(writer);
  }

  @Override
  public String toString() {
    return hash.toString();
  }
}
