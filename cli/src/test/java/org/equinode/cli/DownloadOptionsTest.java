package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.equinode.torrent.session.FileSelection;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.TorrentOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class DownloadOptionsTest {
  @Command(name = "probe")
  static final class Probe {
    @Mixin DownloadOptions download = new DownloadOptions();
  }

  private static DownloadOptions parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.download;
  }

  @Test
  void withoutOptionsEverythingDownloadsRarestFirstWithoutLimits() {
    DownloadOptions options = parse();
    assertThat(options.selection()).isEqualTo(FileSelection.ALL);
    assertThat(options.options()).isEqualTo(TorrentOptions.DEFAULTS);
    assertThat(options.peers).isEmpty();
  }

  @Test
  void theOptionsBecomeTheTorrentsOptionsFromTheStart() {
    DownloadOptions options =
        parse(
            "--files",
            "0,2",
            "--sequential",
            "--max-download-rate",
            "2m",
            "--max-upload-rate",
            "500k",
            "--peer",
            "127.0.0.1:6881");
    assertThat(options.selection().indexes()).containsExactly(0, 2);
    assertThat(options.options())
        .isEqualTo(
            new TorrentOptions(
                false,
                true,
                new RateLimits(OptionalLong.of(2 * 1024 * 1024), OptionalLong.of(500 * 1024))));
    assertThat(options.peers).hasSize(1);
    assertThat(options.upload.given()).isEqualTo(500 * 1024L);
  }

  @Test
  void zeroMeansNoLimit() {
    DownloadOptions options = parse("--max-download-rate", "0", "--max-upload-rate", "0");
    assertThat(options.options().limits()).isEqualTo(RateLimits.NONE);
  }
}
