package org.equinode.chain.mining;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;

/**
 * A block ready to be mined but for its nonces: the parent, height, time and target, the coinbase
 * paying the subsidy and the fees, and the chosen transactions. The coinbase's data is the caller's
 * extra data followed by an 8-byte little-endian <em>extra nonce</em>; since the coinbase's data is
 * outside its txid, changing the extra nonce changes only the witness root, and the block's size
 * stays the same. Immutable.
 */
public final class BlockTemplate {
  /** The bytes of the extra nonce at the end of the coinbase's data. */
  public static final int EXTRA_NONCE_LENGTH = 8;

  /** The most extra data a caller may put in the coinbase, before the extra nonce. */
  public static final int MAX_EXTRA_DATA = Tx.MAX_COINBASE_DATA - EXTRA_NONCE_LENGTH;

  /** The header version of the blocks made here. */
  public static final int VERSION = 1;

  private final BlockHash previous;
  private final int height;
  private final long time;
  private final CompactTarget bits;
  private final LockHash payTo;
  private final Amount coinbaseValue;
  private final byte[] extraData;
  private final List<Tx> txs;
  private final Amount fees;
  private final int sigOps;
  private final Hash32 txRoot;
  private final int size;

  /**
   * A template.
   *
   * @param txs the transactions after the coinbase, parents before children
   * @throws MiningException if {@code extraData} exceeds {@link #MAX_EXTRA_DATA}
   */
  public BlockTemplate(
      BlockHash previous,
      int height,
      long time,
      CompactTarget bits,
      LockHash payTo,
      Amount coinbaseValue,
      byte[] extraData,
      List<Tx> txs,
      Amount fees,
      int sigOps) {
    if (extraData.length > MAX_EXTRA_DATA) {
      throw new MiningException(
          "coinbase extra data of "
              + extraData.length
              + " bytes exceeds MAX_EXTRA_DATA "
              + MAX_EXTRA_DATA);
    }
    this.previous = previous;
    this.height = height;
    this.time = time;
    this.bits = bits;
    this.payTo = payTo;
    this.coinbaseValue = coinbaseValue;
    this.extraData = extraData.clone();
    this.txs = List.copyOf(txs);
    this.fees = fees;
    this.sigOps = sigOps;
    List<Tx> first = all(0);
    this.txRoot = Block.txRoot(first); // the coinbase's txid does not depend on its data
    this.size = Block.of(header(first, 0), first).size();
  }

  /** The coinbase of a block at {@code height}: {@code extraData} then the extra nonce. */
  static Tx coinbase(int height, LockHash payTo, Amount value, byte[] extraData, long extraNonce) {
    byte[] data =
        ByteWriter.withMaxSize(extraData.length + EXTRA_NONCE_LENGTH)
            .writeBytes(extraData)
            .writeInt64LE(extraNonce)
            .toByteArray();
    return Tx.coinbase(height, List.of(new TxOut(value, payTo)), data);
  }

  /** The coinbase with this extra nonce. */
  public Tx coinbase(long extraNonce) {
    return coinbase(height, payTo, coinbaseValue, extraData, extraNonce);
  }

  /** The header with this extra nonce's witness root and nonce 0. */
  public BlockHeader header(long extraNonce) {
    return header(all(extraNonce), 0);
  }

  /** The block with these nonces (which may or may not meet the target). */
  public Block block(long extraNonce, long nonce) {
    List<Tx> all = all(extraNonce);
    return Block.of(header(all, nonce), all);
  }

  /** The unmined block: both nonces 0. */
  public Block block() {
    return block(0, 0);
  }

  private List<Tx> all(long extraNonce) {
    List<Tx> all = new ArrayList<>(txs.size() + 1);
    all.add(coinbase(extraNonce));
    all.addAll(txs);
    return all;
  }

  private BlockHeader header(List<Tx> all, long nonce) {
    return new BlockHeader(VERSION, previous, txRoot, Block.witnessRoot(all), time, bits, nonce);
  }

  public BlockHash previous() {
    return previous;
  }

  public int height() {
    return height;
  }

  public long time() {
    return time;
  }

  public CompactTarget bits() {
    return bits;
  }

  public LockHash payTo() {
    return payTo;
  }

  /** What the coinbase pays: the subsidy plus the fees. */
  public Amount coinbaseValue() {
    return coinbaseValue;
  }

  public byte[] extraData() {
    return extraData.clone();
  }

  /** The transactions after the coinbase, in block order. */
  public List<Tx> txs() {
    return txs;
  }

  public Amount fees() {
    return fees;
  }

  /** The signatures the transactions carry (the coinbase has none). */
  public int sigOps() {
    return sigOps;
  }

  /** The block's encoded size, whatever the nonces. */
  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "BlockTemplate[height "
        + height
        + " on "
        + previous
        + ", "
        + txs.size()
        + " txs, "
        + size
        + " bytes, fees "
        + fees
        + "]";
  }
}
