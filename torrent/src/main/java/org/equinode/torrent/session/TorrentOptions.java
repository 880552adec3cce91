package org.equinode.torrent.session;

/**
 * How a torrent starts in an engine.
 *
 * @param paused added without connecting to anyone, until {@link TorrentSession#resume()}
 * @param sequential pieces in order (for playing a file while it downloads) instead of rarest first
 * @param limits the torrent's own rate limits (the engine's apply as well)
 * @param checkInBackground for a torrent whose metadata is known: {@link TorrentEngine#add} returns
 *     at once with the torrent {@link TorrentStatus.State#CHECKING} while its storage opens (and
 *     its files are hashed) off the caller's thread; a failure then shows as {@link
 *     TorrentStatus.State#ERROR} instead of being thrown. A magnet's storage always opens so.
 */
public record TorrentOptions(
    boolean paused, boolean sequential, RateLimits limits, boolean checkInBackground) {
  /** Running, rarest first, no limit of its own, opened before {@code add} returns. */
  public static final TorrentOptions DEFAULTS = new TorrentOptions(false, false, RateLimits.NONE);

  /** Options whose storage opens before {@code add} returns. */
  public TorrentOptions(boolean paused, boolean sequential, RateLimits limits) {
    this(paused, sequential, limits, false);
  }

  /** These options, the storage opened in the background. */
  public TorrentOptions inBackground() {
    return new TorrentOptions(paused, sequential, limits, true);
  }
}
