package org.equinode.torrent.session;

import java.util.OptionalLong;
import org.equinode.torrent.swarm.RateLimiter;

/**
 * A pair of token buckets, download and upload, for one torrent or for a whole engine. Piece data
 * is charged to the torrent's and the engine's throttle at once and waits for the longer of the two
 * (see {@link RateLimiter#reserve}). An upload is charged when its request is accepted, and
 * refunded if it is dropped before it is sent. Thread-safe.
 */
final class Throttle {
  private final RateLimiter download = RateLimiter.unlimited();
  private final RateLimiter upload = RateLimiter.unlimited();

  /** Applies {@code limits} from {@code now} on; tokens and credit so far are kept. */
  void set(RateLimits limits, long now) {
    apply(download, limits.download(), now);
    apply(upload, limits.upload(), now);
  }

  /** The limits in force. */
  RateLimits limits() {
    return new RateLimits(download.rate(), upload.rate());
  }

  /**
   * Charges {@code bytes} received to both throttles; the nanoseconds to wait before reading more.
   */
  static long downloadWait(Throttle torrent, Throttle engine, long bytes, long now) {
    return Math.max(torrent.download.reserve(bytes, now), engine.download.reserve(bytes, now));
  }

  /** Charges {@code bytes} to send to both throttles; the nanoseconds to wait before sending. */
  static long uploadWait(Throttle torrent, Throttle engine, long bytes, long now) {
    return Math.max(torrent.upload.reserve(bytes, now), engine.upload.reserve(bytes, now));
  }

  /**
   * Gives back to both throttles what {@link #uploadWait} charged for {@code bytes} that will not
   * be sent (the peer cancelled, was choked or left before their turn).
   */
  static void refundUpload(Throttle torrent, Throttle engine, long bytes, long now) {
    torrent.upload.refund(bytes, now);
    engine.upload.refund(bytes, now);
  }

  /** Upload tokens there now: negative while sends wait their turn (tests). */
  long uploadTokens(long now) {
    return upload.available(now);
  }

  private static void apply(RateLimiter limiter, OptionalLong rate, long now) {
    if (rate.isEmpty()) {
      limiter.setUnlimited(now);
    } else {
      long bytesPerSecond = rate.getAsLong();
      limiter.setRate(bytesPerSecond, RateLimiter.defaultBurst(bytesPerSecond), now);
    }
  }
}
