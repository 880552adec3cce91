package org.equinode.torrent.session;

/**
 * Bytes per second over the last two seconds, dividing by the time actually measured (at least 50
 * ms) so that a new connection's rate is right after a few round trips. Not thread-safe. A stand-in
 * until the swarm package's meter is merged.
 */
final class RateMeter {
  private static final long BUCKET_NANOS = 1_000_000_000L;
  private static final long MIN_ELAPSED_NANOS = 50_000_000L;

  private long bucketStart;
  private long current;
  private long previous;
  private boolean hasPrevious;
  private long total;

  private RateMeter(long now) {
    this.bucketStart = now;
  }

  static RateMeter startingAt(long now) {
    return new RateMeter(now);
  }

  void add(long bytes, long now) {
    roll(now);
    current += bytes;
    total += bytes;
  }

  long bytesPerSecond(long now) {
    roll(now);
    long elapsed = now - bucketStart + (hasPrevious ? BUCKET_NANOS : 0);
    elapsed = Math.max(elapsed, MIN_ELAPSED_NANOS);
    return (long) ((current + previous) * 1e9 / elapsed);
  }

  long total() {
    return total;
  }

  private void roll(long now) {
    long behind = now - bucketStart;
    if (behind < BUCKET_NANOS) {
      return;
    }
    long buckets = behind / BUCKET_NANOS;
    previous = buckets == 1 ? current : 0;
    current = 0;
    hasPrevious = true;
    bucketStart += buckets * BUCKET_NANOS;
  }
}
