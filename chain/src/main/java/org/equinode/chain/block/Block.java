package org.equinode.chain.block;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equinode.chain.BlockHash;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxCodec;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.common.MalformedException;

/**
 * A header and its transactions, the first of which should be the coinbase. Holds the limits on
 * count and size; whether the roots match and the transactions are valid is for validation, which
 * must not condemn the header when only the transactions were tampered with in transit.
 */
public final class Block {
  /** The largest encoding of a whole block. */
  public static final int MAX_BLOCK_SIZE = 1_000_000;

  /** The most transactions in a block. */
  public static final int MAX_BLOCK_TXS = 10_000;

  private final BlockHeader header;
  private final List<Tx> txs;
  private final int size;

  private Block(BlockHeader header, List<Tx> txs, int size) {
    this.header = header;
    this.txs = txs;
    this.size = size;
  }

  /**
   * The block with this header and these transactions.
   *
   * @throws BlockException if there are none, more than {@link #MAX_BLOCK_TXS}, or the encoding
   *     would exceed {@link #MAX_BLOCK_SIZE}
   */
  public static Block of(BlockHeader header, List<Tx> txs) {
    List<Tx> copy = List.copyOf(txs);
    if (copy.isEmpty() || copy.size() > MAX_BLOCK_TXS) {
      throw new BlockException(
          "a block has 1.." + MAX_BLOCK_TXS + " transactions, got " + copy.size());
    }
    long size = (long) BlockHeader.ENCODED_LENGTH + TxCodec.compactSizeLength(copy.size());
    for (Tx tx : copy) {
      size += tx.size();
    }
    if (size > MAX_BLOCK_SIZE) {
      throw new BlockException(
          "block of " + size + " bytes exceeds MAX_BLOCK_SIZE " + MAX_BLOCK_SIZE);
    }
    return new Block(header, copy, (int) size);
  }

  /** The merkle root of the txids of {@code txs}. */
  public static Hash32 txRoot(List<Tx> txs) {
    return MerkleTree.root(txs.stream().map(tx -> tx.txId().hash()).toList());
  }

  /** The merkle root of the wtxids of {@code txs}, the coinbase's included. */
  public static Hash32 witnessRoot(List<Tx> txs) {
    return MerkleTree.root(txs.stream().map(tx -> tx.wTxId().hash()).toList());
  }

  public BlockHeader header() {
    return header;
  }

  public List<Tx> txs() {
    return txs;
  }

  public BlockHash hash() {
    return header.hash();
  }

  /** True when the header's two roots are those of the transactions. */
  public boolean rootsMatch() {
    return header.txRoot().equals(txRoot(txs)) && header.witnessRoot().equals(witnessRoot(txs));
  }

  /** The encoding's length in bytes. */
  public int size() {
    return size;
  }

  /** The header, a CompactSize count, then each transaction's full encoding. */
  public byte[] encode() {
    ByteWriter writer = ByteWriter.withMaxSize(size);
    header.write(writer);
    writer.writeCompactSize(txs.size());
    for (Tx tx : txs) {
      writer.writeBytes(tx.encode());
    }
    return writer.toByteArray();
  }

  /**
   * Decodes exactly one block from all of {@code bytes}.
   *
   * @throws org.equinode.common.DecodeException if the bytes are not a canonical block
   */
  public static Block decode(byte[] bytes) {
    if (bytes.length > MAX_BLOCK_SIZE) {
      throw new MalformedException(
          "block of " + bytes.length + " bytes exceeds MAX_BLOCK_SIZE " + MAX_BLOCK_SIZE);
    }
    ByteReader reader = ByteReader.of(bytes);
    BlockHeader header = BlockHeader.read(reader);
    int count = reader.readCount(MAX_BLOCK_TXS, "block transaction");
    if (count == 0) {
      throw new MalformedException("a block has at least one transaction");
    }
    List<Tx> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      txs.add(TxCodec.read(reader));
    }
    reader.expectEnd("block");
    return new Block(header, List.copyOf(txs), bytes.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Block other && header.equals(other.header) && txs.equals(other.txs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {header, txs});
  }

  @Override
  public String toString() {
    return "Block[" + hash() + ", " + txs.size() + " txs]";
  }
}
