package org.equinode.chain.params;

import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.ChainException;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.CompactTarget;
import org.equinode.common.Network;

/**
 * The consensus constants of one network. {@link #of(Network)} gives the three real ones; tests may
 * build others (for example with a shorter halving interval).
 *
 * @param network which network these are for
 * @param genesis the first block; every chain of this network starts with it
 * @param targetSpacing the intended seconds between blocks, which ASERT steers towards
 * @param powLimit the easiest target a block may have; also the genesis block's target
 * @param asertHalfLife seconds ahead of (behind) schedule that make the target half (twice) as big
 * @param subsidy what a coinbase may claim besides fees, by height
 * @param coinbaseMaturity blocks a coinbase's outputs must wait: spendable at a height at least
 *     this far above the coinbase's
 * @param maxFutureBlockTime how many seconds a block's time may be ahead of the validating node's
 *     clock
 * @param medianTimeSpan how many of the last blocks' times the median-time-past is taken over
 */
public record ChainParams(
    Network network,
    Block genesis,
    long targetSpacing,
    CompactTarget powLimit,
    long asertHalfLife,
    SubsidySchedule subsidy,
    int coinbaseMaturity,
    long maxFutureBlockTime,
    int medianTimeSpan) {
  /** 60 seconds between blocks on MAIN and TEST. */
  public static final long PUBLIC_TARGET_SPACING = 60;

  /** 1 second between blocks on DEV. */
  public static final long DEV_TARGET_SPACING = 1;

  /** MAIN and TEST: about 2^20 hashes per block at the limit, a CPU's work of a few seconds. */
  public static final CompactTarget PUBLIC_POW_LIMIT = new CompactTarget(0x1e0f_ffff);

  /** DEV: about 2^8 hashes per block at the limit, well under a millisecond of a CPU. */
  public static final CompactTarget DEV_POW_LIMIT = new CompactTarget(0x2000_ffff);

  /** MAIN: 12 hours, 720 blocks. */
  public static final long MAIN_HALF_LIFE = 12 * 3600;

  /** TEST: 1 hour, 60 blocks. */
  public static final long TEST_HALF_LIFE = 3600;

  /** DEV: 5 minutes, 300 blocks. */
  public static final long DEV_HALF_LIFE = 300;

  /** 50 EQ halved every 210,000 blocks: 20,999,999.9769 EQ in all, below MAX_MONEY. */
  public static final SubsidySchedule SUBSIDY = new SubsidySchedule(Amount.ofEq(50), 210_000);

  public static final int COINBASE_MATURITY = 100;
  public static final long MAX_FUTURE_BLOCK_TIME = 600;
  public static final int MEDIAN_TIME_SPAN = 11;

  private static final ChainParams MAIN =
      create(
          Network.MAIN,
          Genesis.MAIN_MESSAGE,
          Genesis.MAIN_TIME,
          Genesis.MAIN_NONCE,
          PUBLIC_TARGET_SPACING,
          PUBLIC_POW_LIMIT,
          MAIN_HALF_LIFE);
  private static final ChainParams TEST =
      create(
          Network.TEST,
          Genesis.TEST_MESSAGE,
          Genesis.TEST_TIME,
          Genesis.TEST_NONCE,
          PUBLIC_TARGET_SPACING,
          PUBLIC_POW_LIMIT,
          TEST_HALF_LIFE);
  private static final ChainParams DEV =
      create(
          Network.DEV,
          Genesis.DEV_MESSAGE,
          Genesis.DEV_TIME,
          Genesis.DEV_NONCE,
          DEV_TARGET_SPACING,
          DEV_POW_LIMIT,
          DEV_HALF_LIFE);

  public ChainParams {
    if (targetSpacing < 1) {
      throw new ChainException("target spacing " + targetSpacing + " s is below 1");
    }
    if (asertHalfLife < 1) {
      throw new ChainException("ASERT half-life " + asertHalfLife + " s is below 1");
    }
    if (coinbaseMaturity < 1) {
      throw new ChainException("coinbase maturity " + coinbaseMaturity + " is below 1");
    }
    if (maxFutureBlockTime < 0) {
      throw new ChainException("max future block time " + maxFutureBlockTime + " is negative");
    }
    if (medianTimeSpan < 1) {
      throw new ChainException("median time span " + medianTimeSpan + " is below 1");
    }
    if (genesis.header().bits().target().compareTo(powLimit.target()) > 0) {
      throw new ChainException(
          "genesis target " + genesis.header().bits() + " is above the limit " + powLimit);
    }
    if (!genesis.txs().get(0).isCoinbase() || genesis.txs().get(0).body().lockTime() != 0) {
      throw new ChainException("the genesis block must start with a coinbase at height 0");
    }
  }

  /** The constants of {@code network}. */
  public static ChainParams of(Network network) {
    return switch (network) {
      case MAIN -> MAIN;
      case TEST -> TEST;
      case DEV -> DEV;
    };
  }

  /** The genesis block's hash, which names the network in the peer handshake. */
  public BlockHash genesisHash() {
    return genesis.hash();
  }

  /** The genesis block's time. */
  public long genesisTime() {
    return genesis.header().time();
  }

  /** The subsidy of the block at {@code height}. */
  public Amount subsidyAt(int height) {
    return subsidy.at(height);
  }

  static ChainParams create(
      Network network,
      String message,
      long time,
      long nonce,
      long spacing,
      CompactTarget powLimit,
      long halfLife) {
    Block genesis = Genesis.block(message, time, powLimit, SUBSIDY.at(0), nonce);
    return new ChainParams(
        network,
        genesis,
        spacing,
        powLimit,
        halfLife,
        SUBSIDY,
        COINBASE_MATURITY,
        MAX_FUTURE_BLOCK_TIME,
        MEDIAN_TIME_SPAN);
  }
}
