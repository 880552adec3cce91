package org.equinode.chain.mining;

import java.util.List;
import java.util.function.Supplier;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.consensus.Asert;
import org.equinode.chain.consensus.BlockRules;
import org.equinode.chain.mempool.MempoolChainView;
import org.equinode.chain.mempool.MempoolEntry;
import org.equinode.chain.mempool.Tip;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.Tx;
import org.equinode.common.TimeSource;

/**
 * Builds the template of the block after the chain's tip: transactions chosen from the mempool by
 * ancestor score ({@link TxSelection}) within the block's size, signature and count limits, a
 * coinbase at the new height paying the subsidy plus the fees, the time {@code max(median time past
 * + 1, now)} and ASERT's target. Thread-safe if its suppliers are (it keeps no state).
 */
public final class BlockAssembler {
  /** Bytes kept for the transaction count: the CompactSize of up to {@link Block#MAX_BLOCK_TXS}. */
  static final int COUNT_RESERVE = 3;

  private final MempoolChainView chain;
  private final Supplier<List<MempoolEntry>> candidates;
  private final TimeSource time;
  private final int maxBlockSize;
  private final int maxSigOps;

  /**
   * An assembler filling blocks up to the consensus limits.
   *
   * @param candidates the mempool's entries, parents before children ({@code mempool::entries})
   */
  public BlockAssembler(
      MempoolChainView chain, Supplier<List<MempoolEntry>> candidates, TimeSource time) {
    this(chain, candidates, time, Block.MAX_BLOCK_SIZE, BlockRules.MAX_BLOCK_SIGOPS);
  }

  /**
   * An assembler filling blocks up to smaller limits of its own (a miner may choose to).
   *
   * @throws MiningException if a limit is above the consensus one or leaves no room
   */
  public BlockAssembler(
      MempoolChainView chain,
      Supplier<List<MempoolEntry>> candidates,
      TimeSource time,
      int maxBlockSize,
      int maxSigOps) {
    int smallest = BlockHeader.ENCODED_LENGTH + COUNT_RESERVE + Tx.MAX_COINBASE_DATA;
    if (maxBlockSize < smallest || maxBlockSize > Block.MAX_BLOCK_SIZE) {
      throw new MiningException(
          "block size limit "
              + maxBlockSize
              + " is outside "
              + smallest
              + ".."
              + Block.MAX_BLOCK_SIZE);
    }
    if (maxSigOps < 0 || maxSigOps > BlockRules.MAX_BLOCK_SIGOPS) {
      throw new MiningException(
          "signature limit " + maxSigOps + " is outside 0.." + BlockRules.MAX_BLOCK_SIGOPS);
    }
    this.chain = chain;
    this.candidates = candidates;
    this.time = time;
    this.maxBlockSize = maxBlockSize;
    this.maxSigOps = maxSigOps;
  }

  /** The template paying to {@code payTo}, with no extra coinbase data. */
  public BlockTemplate assemble(LockHash payTo) {
    return assemble(payTo, new byte[0]);
  }

  /**
   * The template paying to {@code payTo}, with {@code extraData} (a tag, at most {@link
   * BlockTemplate#MAX_EXTRA_DATA} bytes) in its coinbase before the extra nonce.
   */
  public BlockTemplate assemble(LockHash payTo, byte[] extraData) {
    if (extraData.length > BlockTemplate.MAX_EXTRA_DATA) {
      throw new MiningException(
          "coinbase extra data of "
              + extraData.length
              + " bytes exceeds MAX_EXTRA_DATA "
              + BlockTemplate.MAX_EXTRA_DATA);
    }
    ChainParams params = chain.params();
    Tip tip = chain.tip();
    int height = tip.nextHeight();
    Amount subsidy = params.subsidyAt(height);
    int coinbaseSize = BlockTemplate.coinbase(height, payTo, subsidy, extraData, 0).size();
    long room = (long) maxBlockSize - BlockHeader.ENCODED_LENGTH - COUNT_RESERVE - coinbaseSize;
    TxSelection.Selected selected =
        TxSelection.select(
            candidates.get(),
            chain.utxos(),
            height,
            params,
            room,
            maxSigOps,
            Block.MAX_BLOCK_TXS - 1);
    Amount fees = Amount.ofUnits(selected.fees());
    Amount value = subsidy.tryAdd(fees).orElse(Amount.ofUnits(Amount.MAX_MONEY));
    long blockTime = Math.max(tip.medianTimePast() + 1, time.epochSeconds());
    CompactTarget bits = Asert.of(params).nextBits(tip.height(), tip.time());
    return new BlockTemplate(
        tip.hash(),
        height,
        blockTime,
        bits,
        payTo,
        value,
        extraData,
        selected.entries().stream().map(MempoolEntry::tx).toList(),
        fees,
        selected.sigOps());
  }
}
