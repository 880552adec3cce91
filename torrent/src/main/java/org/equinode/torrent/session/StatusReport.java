package org.equinode.torrent.session;

import java.time.Duration;
import java.util.Optional;
import org.equinode.torrent.storage.Progress;

/**
 * Builds a {@link TorrentStatus} from a torrent's exchange: counters under its lock, then progress.
 */
final class StatusReport {
  private StatusReport() {}

  static TorrentStatus of(PieceExchange exchange, String name) {
    long now = exchange.now();
    Content ct;
    int peers;
    int seeds;
    long down;
    long up;
    long downloaded;
    long uploaded;
    boolean finished;
    boolean closed;
    boolean paused;
    Optional<String> failure;
    exchange.lock.lock();
    try {
      ct = exchange.content();
      peers = exchange.openCount();
      seeds = exchange.seedCount();
      down = exchange.received.bytesPerSecond(now);
      up = exchange.sent.bytesPerSecond(now);
      downloaded = exchange.received.total();
      uploaded = exchange.sent.total();
      finished = exchange.finishedLocked();
      closed = exchange.closedLocked();
      paused = exchange.pausedLocked();
      failure = Optional.ofNullable(exchange.errorLocked());
    } finally {
      exchange.lock.unlock();
    }
    long wanted = 0;
    long done = 0;
    int pieces = 0;
    int donePieces = 0;
    TorrentStatus.State state;
    if (ct == null) {
      state =
          exchange.metadata.infoSize().isPresent()
              ? TorrentStatus.State.CHECKING
              : TorrentStatus.State.FETCHING_METADATA;
    } else {
      Progress progress = ct.storage.progress();
      wanted = progress.wantedBytes();
      done = progress.wantedCompletedBytes();
      pieces = progress.wantedPieces();
      donePieces = progress.completedPieces();
      state = finished ? TorrentStatus.State.SEEDING : TorrentStatus.State.DOWNLOADING;
    }
    if (failure.isPresent()) {
      state = TorrentStatus.State.ERROR;
    } else if (closed) {
      state = TorrentStatus.State.CLOSED;
    } else if (paused) {
      state = TorrentStatus.State.PAUSED;
    }
    Optional<Duration> eta =
        down > 0 && ct != null && !finished && !paused
            ? Optional.of(Duration.ofSeconds((wanted - done + down - 1) / down))
            : Optional.empty();
    return new TorrentStatus(
        exchange.infoHash,
        name,
        state,
        wanted,
        done,
        pieces,
        donePieces,
        down,
        up,
        downloaded,
        uploaded,
        peers,
        seeds,
        exchange.book.size(),
        exchange.book.bannedCount(),
        eta,
        failure);
  }
}
