package org.equinode.chain.tx;

import org.equinode.chain.TxId;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;

/**
 * A reference to an output of an earlier transaction: its txid and its index among the outputs.
 *
 * @param txId the transaction that created the output
 * @param index the output's position, an unsigned 32-bit number
 */
public record OutPoint(TxId txId, long index) {
  /** The encoded length: 32 bytes of txid, then the index as {@code u32}. */
  public static final int ENCODED_LENGTH = Hash32.LENGTH + 4;

  /** The largest index, which only the null outpoint uses in practice. */
  public static final long MAX_INDEX = 0xffff_ffffL;

  /** What a coinbase's single input points to: the all-zero txid and index 0xffffffff. */
  public static final OutPoint NULL = new OutPoint(new TxId(Hash32.ZERO), MAX_INDEX);

  public OutPoint {
    if (index < 0 || index > MAX_INDEX) {
      throw new TxException("output index " + index + " is outside 0.." + MAX_INDEX);
    }
  }

  /** True for {@link #NULL}, the coinbase's input. */
  public boolean isNull() {
    return equals(NULL);
  }

  public static OutPoint read(ByteReader reader) {
    TxId txId = TxId.read(reader);
    return new OutPoint(txId, reader.readU32LE());
  }

  public void write(ByteWriter writer) {
    txId.write(writer);
    writer.writeInt32LE((int) index);
  }

  @Override
  public String toString() {
    return txId + ":" + index;
  }
}
