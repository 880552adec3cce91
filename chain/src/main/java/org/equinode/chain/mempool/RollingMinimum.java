package org.equinode.chain.mempool;

/**
 * The minimum fee rate an eviction raises: after the mempool evicts a package whose descendant
 * score is {@code r}, a new transaction must pay at least {@code r} plus the incremental relay fee
 * rate, or it would only be evicted in turn. The minimum then halves every half-life (linearly
 * between halvings, in integers) and drops to zero once below half the incremental rate, as Bitcoin
 * Core's rolling minimum fee does. Not thread-safe: {@link Mempool} holds its lock.
 */
final class RollingMinimum {
  private final long halfLifeSeconds;
  private final FeeRate incremental;
  private long peak;
  private long since;

  RollingMinimum(long halfLifeSeconds, FeeRate incremental) {
    this.halfLifeSeconds = halfLifeSeconds;
    this.incremental = incremental;
  }

  /** The minimum at {@code now} (seconds since the epoch). */
  FeeRate at(long now) {
    if (peak == 0) {
      return FeeRate.ZERO;
    }
    long elapsed = Math.max(0, now - since);
    long halvings = elapsed / halfLifeSeconds;
    if (halvings >= Long.SIZE - 1) {
      return FeeRate.ZERO;
    }
    long start = peak >> halvings;
    long drop = start - (start >> 1);
    long into = elapsed % halfLifeSeconds;
    // drop × into / halfLife without overflow: split drop into whole half-lives and the rest.
    long fall = drop / halfLifeSeconds * into + (drop % halfLifeSeconds) * into / halfLifeSeconds;
    long value = start - fall;
    return value * 2 < incremental.unitsPerKb() ? FeeRate.ZERO : new FeeRate(value);
  }

  /** An eviction of a package at {@code score}: the minimum rises above it. */
  void evicted(FeeRate score, long now) {
    FeeRate raised = score.plus(incremental);
    FeeRate current = at(now);
    peak = Math.max(current.unitsPerKb(), raised.unitsPerKb());
    since = now;
  }
}
