package org.equinode.chain.mempool;

import java.time.Duration;
import org.equinode.chain.tx.Tx;

/**
 * The mempool's policy settings. {@link #defaults()} is what a node runs with; every field is
 * explained in {@code chain/README.md} ("Mempool").
 *
 * @param maxBytes the cap on the sum of the transactions' encoded sizes
 * @param minRelayFeeRate the lowest fee rate accepted at all
 * @param incrementalRelayFeeRate what a replacement pays for its own size on top of the fees it
 *     replaces, and how far above an evicted transaction's rate the rolling minimum rises
 * @param expiry how long a transaction may stay unconfirmed
 * @param maxOrphans how many orphans the orphan pool holds
 * @param orphanExpiry how long an orphan waits for its parents
 * @param rollingMinimumHalfLife how fast the minimum raised by an eviction falls back
 */
public record MempoolConfig(
    long maxBytes,
    FeeRate minRelayFeeRate,
    FeeRate incrementalRelayFeeRate,
    Duration expiry,
    int maxOrphans,
    Duration orphanExpiry,
    Duration rollingMinimumHalfLife) {
  /** 50 MB of encoded transactions: 50 full blocks, a few hundred MB of heap. */
  public static final long DEFAULT_MAX_BYTES = 50_000_000;

  /** One unit per byte: a typical one-input transaction of about 200 bytes pays 200 units. */
  public static final FeeRate DEFAULT_MIN_RELAY_FEE_RATE = FeeRate.perByte(1);

  public static final FeeRate DEFAULT_INCREMENTAL_RELAY_FEE_RATE = FeeRate.perByte(1);

  /** The smallest cap: a few ordinary transactions (a bigger one can then never enter). */
  public static final long MIN_MAX_BYTES = 1_000;

  /** Two weeks, as Bitcoin Core. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofDays(14);

  /** 100 orphans of at most {@link Tx#MAX_TX_SIZE} each: at most 10 MB. */
  public static final int DEFAULT_MAX_ORPHANS = 100;

  /** The most orphans any configuration may hold: 1 GB of the largest transactions. */
  public static final int MAX_ORPHANS_LIMIT = 10_000;

  /** Twenty minutes, as Bitcoin Core. */
  public static final Duration DEFAULT_ORPHAN_EXPIRY = Duration.ofMinutes(20);

  /** Twelve hours, as Bitcoin Core. */
  public static final Duration DEFAULT_ROLLING_MINIMUM_HALF_LIFE = Duration.ofHours(12);

  /** The longest expiry or half-life: a year (it keeps the rolling minimum's arithmetic small). */
  public static final Duration MAX_DURATION = Duration.ofDays(365);

  public MempoolConfig {
    if (maxBytes < MIN_MAX_BYTES) {
      throw new MempoolException(
          "mempool cap of " + maxBytes + " bytes is below MIN_MAX_BYTES " + MIN_MAX_BYTES);
    }
    requirePositive("expiry", expiry);
    requirePositive("orphan expiry", orphanExpiry);
    requirePositive("rolling minimum half-life", rollingMinimumHalfLife);
    if (maxOrphans < 0 || maxOrphans > MAX_ORPHANS_LIMIT) {
      throw new MempoolException(
          "orphan pool of " + maxOrphans + " is outside 0.." + MAX_ORPHANS_LIMIT);
    }
  }

  private static void requirePositive(String name, Duration duration) {
    if (duration.toSeconds() < 1 || duration.compareTo(MAX_DURATION) > 0) {
      throw new MempoolException(name + " " + duration + " is outside 1 s.." + MAX_DURATION);
    }
  }

  public static MempoolConfig defaults() {
    return new MempoolConfig(
        DEFAULT_MAX_BYTES,
        DEFAULT_MIN_RELAY_FEE_RATE,
        DEFAULT_INCREMENTAL_RELAY_FEE_RATE,
        DEFAULT_EXPIRY,
        DEFAULT_MAX_ORPHANS,
        DEFAULT_ORPHAN_EXPIRY,
        DEFAULT_ROLLING_MINIMUM_HALF_LIFE);
  }

  public MempoolConfig withMaxBytes(long bytes) {
    return new MempoolConfig(
        bytes,
        minRelayFeeRate,
        incrementalRelayFeeRate,
        expiry,
        maxOrphans,
        orphanExpiry,
        rollingMinimumHalfLife);
  }

  public MempoolConfig withMinRelayFeeRate(FeeRate rate) {
    return new MempoolConfig(
        maxBytes,
        rate,
        incrementalRelayFeeRate,
        expiry,
        maxOrphans,
        orphanExpiry,
        rollingMinimumHalfLife);
  }

  public MempoolConfig withMaxOrphans(int count) {
    return new MempoolConfig(
        maxBytes,
        minRelayFeeRate,
        incrementalRelayFeeRate,
        expiry,
        count,
        orphanExpiry,
        rollingMinimumHalfLife);
  }
}
