package org.equinode.cli;

import java.time.Duration;
import java.util.Locale;
import org.equinode.torrent.session.TorrentStatus;

/** One line of a torrent's progress for people: percent, sizes, rates, peers, time left. */
final class ProgressLine {
  private ProgressLine() {}

  static String of(TorrentStatus status) {
    return switch (status.state()) {
      case FETCHING_METADATA ->
          String.format(
              Locale.ROOT,
              "fetching metadata  peers %d (%d known)",
              status.peers(),
              status.knownPeers());
      case CHECKING -> "checking files";
      case ERROR -> "stopped: " + status.error().orElse("an error");
      case CLOSED -> "closed";
      case PAUSED -> String.format(Locale.ROOT, "paused at %.1f%%", 100 * status.fraction());
      case DOWNLOADING, SEEDING ->
          String.format(
              Locale.ROOT,
              "%5.1f%%  %s / %s  down %s/s  up %s/s  peers %d  %s",
              100 * status.fraction(),
              Sizes.bytes(status.doneBytes()),
              Sizes.bytes(status.wantedBytes()),
              Sizes.bytes(status.downloadRate()),
              Sizes.bytes(status.uploadRate()),
              status.peers(),
              status.state() == TorrentStatus.State.SEEDING
                  ? "seeding"
                  : status.eta().map(ProgressLine::eta).orElse("ETA -"));
    };
  }

  static String eta(Duration left) {
    long s = left.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "ETA %d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "ETA %d:%02d", s / 60, s % 60);
  }
}
