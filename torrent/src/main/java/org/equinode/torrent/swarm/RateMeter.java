package org.equinode.torrent.swarm;

import java.time.Duration;

/**
 * Bytes per second over a sliding window, from {@code TimeSource.nanoTime()} readings passed in.
 * The window is kept in {@link #BUCKETS} buckets, so old bytes leave it a bucket at a time. A meter
 * younger than its window divides by the time it has existed (at least one bucket), so a new
 * connection's rate is right after a few round trips instead of rising slowly over the whole
 * window: that is what lets the request queue grow quickly on a fast link. Not thread-safe: one per
 * peer and direction, updated by the thread that moves the bytes.
 */
public final class RateMeter {
  /** The number of buckets a window is split into. */
  public static final int BUCKETS = 20;

  /** A 5-second window: smooth enough, and quick to follow a peer that speeds up or stalls. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);

  private static final double NANOS_PER_SECOND = 1e9;

  private final long start;
  private final long bucketNanos;
  private final long[] buckets = new long[BUCKETS];
  private long current;
  private long windowBytes;
  private long total;

  /** A meter with a window of {@code window}, started at {@code now}. */
  public RateMeter(Duration window, long now) {
    if (window.toNanos() < BUCKETS) {
      throw new IllegalArgumentException("window " + window + " is shorter than 20 ns");
    }
    this.start = now;
    this.bucketNanos = window.toNanos() / BUCKETS;
  }

  /** A meter with the {@link #DEFAULT_WINDOW}. */
  public static RateMeter startingAt(long now) {
    return new RateMeter(DEFAULT_WINDOW, now);
  }

  /** Counts {@code bytes} moved at {@code now}. */
  public void add(long bytes, long now) {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative byte count " + bytes);
    }
    advance(now);
    buckets[(int) (current % BUCKETS)] += bytes;
    windowBytes += bytes;
    total += bytes;
  }

  /** The rate over the window that ends at {@code now}, in bytes per second. */
  public long bytesPerSecond(long now) {
    advance(now);
    long elapsed = Math.max(0, now - start);
    long inCurrent = elapsed - current * bucketNanos;
    long covered = current >= BUCKETS - 1 ? (BUCKETS - 1) * bucketNanos + inCurrent : elapsed;
    covered = Math.max(covered, bucketNanos);
    return (long) (windowBytes * NANOS_PER_SECOND / covered);
  }

  /** Every byte counted since the meter started. */
  public long total() {
    return total;
  }

  private void advance(long now) {
    long bucket = Math.max(0, now - start) / bucketNanos;
    if (bucket <= current) {
      return;
    }
    long steps = Math.min(bucket - current, BUCKETS);
    for (long i = 1; i <= steps; i++) {
      int slot = (int) ((current + i) % BUCKETS);
      windowBytes -= buckets[slot];
      buckets[slot] = 0;
    }
    current = bucket;
  }
}
