package org.equinode.torrent.swarm;

import java.time.Duration;

/**
 * How many block requests to keep outstanding at a peer: enough to cover the bandwidth-delay
 * product, {@code rate x queueTime / 16 KiB}, clamped to {@code [min, max]}. libtorrent's defaults:
 * {@code request_queue_time} 3 s, at least 2 and at most 500 ({@code max_out_request_queue}). On a
 * fast link (loopback moves hundreds of MiB/s) the queue reaches the maximum within a few round
 * trips: a {@link RateMeter} divides by the time it has actually measured, so the rate, and with it
 * the queue, grows with every block that arrives.
 */
public record RequestQueueSizer(Duration queueTime, int min, int max) {
  /** libtorrent's {@code request_queue_time}. */
  public static final Duration DEFAULT_QUEUE_TIME = Duration.ofSeconds(3);

  /** The fewest requests kept outstanding, even at a peer that has sent nothing yet. */
  public static final int DEFAULT_MIN = 2;

  /** libtorrent's {@code max_out_request_queue}: 500 blocks are 8 MiB in flight. */
  public static final int DEFAULT_MAX = 500;

  /** The most requests any sizer allows, far above what any client accepts. */
  public static final int MAX_QUEUE = 10_000;

  /** The defaults above. */
  public static final RequestQueueSizer DEFAULT =
      new RequestQueueSizer(DEFAULT_QUEUE_TIME, DEFAULT_MIN, DEFAULT_MAX);

  public RequestQueueSizer {
    if (queueTime.isNegative() || queueTime.isZero()) {
      throw new IllegalArgumentException("queue time " + queueTime + " is not positive");
    }
    if (min < 1 || max < min || max > MAX_QUEUE) {
      throw new IllegalArgumentException(
          "queue bounds [" + min + ", " + max + "] are not within [1, " + MAX_QUEUE + "]");
    }
  }

  /** The number of requests to keep outstanding at a peer sending {@code bytesPerSecond}. */
  public int size(long bytesPerSecond) {
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("negative rate " + bytesPerSecond);
    }
    double seconds = queueTime.toNanos() / 1e9;
    double blocks = bytesPerSecond * seconds / PieceLayout.BLOCK_LENGTH;
    return (int) Math.max(min, Math.min(max, Math.ceil(blocks)));
  }

  /** How many more requests to send a peer that has {@code outstanding} and sends at that rate. */
  public int deficit(int outstanding, long bytesPerSecond) {
    return Math.max(0, size(bytesPerSecond) - outstanding);
  }
}
