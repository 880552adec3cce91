package org.equinode.torrent.session;

/**
 * How a torrent starts in an engine.
 *
 * @param paused added without connecting to anyone, until {@link TorrentSession#resume()}
 * @param sequential pieces in order (for playing a file while it downloads) instead of rarest first
 * @param limits the torrent's own rate limits (the engine's apply as well)
 */
public record TorrentOptions(boolean paused, boolean sequential, RateLimits limits) {
  /** Running, rarest first, no limit of its own. */
  public static final TorrentOptions DEFAULTS = new TorrentOptions(false, false, RateLimits.NONE);
}
