package org.equinode.torrent.session;

import java.util.OptionalLong;
import org.equinode.torrent.swarm.RateLimiter;

/**
 * Download and upload limits in bytes per second of piece data, for one torrent or for a whole
 * engine; empty for no limit.
 */
public record RateLimits(OptionalLong download, OptionalLong upload) {
  /** No limit either way. */
  public static final RateLimits NONE = new RateLimits(OptionalLong.empty(), OptionalLong.empty());

  public RateLimits {
    check(download, "download");
    check(upload, "upload");
  }

  /** These limits with another download limit. */
  public RateLimits withDownload(OptionalLong bytesPerSecond) {
    return new RateLimits(bytesPerSecond, upload);
  }

  /** These limits with another upload limit. */
  public RateLimits withUpload(OptionalLong bytesPerSecond) {
    return new RateLimits(download, bytesPerSecond);
  }

  private static void check(OptionalLong limit, String direction) {
    if (limit.isPresent() && (limit.getAsLong() < 1 || limit.getAsLong() > RateLimiter.MAX_RATE)) {
      throw new IllegalArgumentException(
          direction + " limit " + limit.getAsLong() + " B/s is outside 1.." + RateLimiter.MAX_RATE);
    }
  }
}
