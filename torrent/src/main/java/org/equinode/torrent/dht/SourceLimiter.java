package org.equinode.torrent.dht;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Queries we answer per source IP: a token bucket of {@code burst} refilled at {@code perSecond}.
 * At most {@link #MAX_SOURCES} IPs are tracked; when full, the full buckets are forgotten (they
 * would allow a burst anyway) and, if that frees nothing, a new source is refused until it does.
 * Not thread-safe.
 */
final class SourceLimiter {
  /** Source IPs tracked at most. */
  static final int MAX_SOURCES = 10_000;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final int perSecond;
  private final int burst;
  private final Map<InetAddress, long[]> buckets = new HashMap<>();

  SourceLimiter(int perSecond, int burst) {
    if (perSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("rates must be positive");
    }
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Whether a query from {@code ip} at {@code now} (clock nanoseconds) may be answered. */
  boolean allow(InetAddress ip, long now) {
    long[] bucket = buckets.get(ip);
    if (bucket == null) {
      if (buckets.size() >= MAX_SOURCES) {
        buckets.values().removeIf(b -> level(b, now) >= burst);
        if (buckets.size() >= MAX_SOURCES) {
          return false;
        }
      }
      bucket = new long[] {burst, now};
      buckets.put(ip, bucket);
    }
    refill(bucket, now);
    if (bucket[0] < 1) {
      return false;
    }
    bucket[0]--;
    return true;
  }

  /** Adds the whole tokens earned since the last refill; the fraction keeps accruing. */
  private void refill(long[] bucket, long now) {
    long elapsed = Math.max(0, now - bucket[1]);
    long earned =
        Math.min(
            burst,
            elapsed / NANOS_PER_SECOND * perSecond
                + (elapsed % NANOS_PER_SECOND) * perSecond / NANOS_PER_SECOND);
    if (earned == 0) {
      return;
    }
    bucket[0] = Math.min(burst, bucket[0] + earned);
    bucket[1] = bucket[0] == burst ? now : bucket[1] + earned * NANOS_PER_SECOND / perSecond;
  }

  private long level(long[] bucket, long now) {
    refill(bucket, now);
    return bucket[0];
  }
}
