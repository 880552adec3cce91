package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.session.TorrentStatus;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private static final InfoHash HASH = InfoHash.parse("0123456789abcdef0123456789abcdef01234567");

  private static TorrentStatus status(
      TorrentStatus.State state, long done, long rate, Optional<Duration> eta) {
    return new TorrentStatus(
        HASH,
        "film.mkv",
        state,
        4L << 20,
        done,
        16,
        4,
        rate,
        1024,
        done,
        0,
        3,
        1,
        5,
        0,
        eta,
        state == TorrentStatus.State.ERROR ? Optional.of("disk full") : Optional.empty());
  }

  @Test
  void showsPercentSizesRatesPeersAndTimeLeft() {
    assertThat(
            ProgressLine.of(
                status(
                    TorrentStatus.State.DOWNLOADING,
                    1L << 20,
                    2L << 20,
                    Optional.of(Duration.ofSeconds(75)))))
        .isEqualTo(" 25.0%  1.0 MiB / 4.0 MiB  down 2.0 MiB/s  up 1.0 KiB/s  peers 3  ETA 1:15");
    assertThat(ProgressLine.of(status(TorrentStatus.State.SEEDING, 4L << 20, 0, Optional.empty())))
        .startsWith("100.0%")
        .endsWith("seeding");
    assertThat(ProgressLine.eta(Duration.ofSeconds(3 * 3600 + 61))).isEqualTo("ETA 3:01:01");
  }

  @Test
  void saysWhatItWaitsForOrWhatStoppedIt() {
    assertThat(
            ProgressLine.of(status(TorrentStatus.State.FETCHING_METADATA, 0, 0, Optional.empty())))
        .isEqualTo("fetching metadata  peers 3 (5 known)");
    assertThat(ProgressLine.of(status(TorrentStatus.State.ERROR, 0, 0, Optional.empty())))
        .isEqualTo("stopped: disk full");
  }
}
