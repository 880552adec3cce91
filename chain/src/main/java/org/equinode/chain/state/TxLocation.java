package org.equinode.chain.state;

import org.equinode.chain.BlockHash;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.common.MalformedException;

/**
 * Where the transaction index found a transaction of the active chain: its block and its position
 * in that block (0 is the coinbase).
 *
 * <p>Stored form: block hash (32) ‖ {@code u32} position.
 *
 * @param block the active chain's block that holds it
 * @param position its index in the block's transactions
 */
public record TxLocation(BlockHash block, int position) {
  static final int ENCODED_LENGTH = Hash32.LENGTH + 4;

  public TxLocation {
    if (position < 0) {
      throw new IllegalArgumentException("a transaction position is not negative: " + position);
    }
  }

  byte[] encode() {
    ByteWriter writer = ByteWriter.withMaxSize(ENCODED_LENGTH);
    block.write(writer);
    writer.writeInt32LE(position); // a non-negative int: the same bytes as u32
    return writer.toByteArray();
  }

  /**
   * Decodes a stored location strictly.
   *
   * @throws org.equinode.common.DecodeException if it is not exactly that layout
   */
  static TxLocation decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    BlockHash block = BlockHash.read(reader);
    long position = reader.readU32LE();
    reader.expectEnd("transaction location");
    if (position > Integer.MAX_VALUE) {
      throw new MalformedException("transaction position " + position + " is too large");
    }
    return new TxLocation(block, (int) position);
  }
}
