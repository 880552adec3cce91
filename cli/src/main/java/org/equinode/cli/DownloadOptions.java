package org.equinode.cli;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.equinode.torrent.session.FileSelection;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.TorrentOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a torrent is downloaded, the same for {@code get} (a one-shot engine) and {@code torrent add}
 * (the running node's): peers to call, the files, the order, the rate limits.
 */
final class DownloadOptions {
  @Option(
      names = "--peer",
      paramLabel = "HOST:PORT",
      converter = HostPort.class,
      description = "A peer to connect to; repeat for more.")
  List<InetSocketAddress> peers = new ArrayList<>();

  @Option(
      names = "--files",
      paramLabel = "I,J,...",
      converter = FileIndexes.class,
      description = "Only these files (indexes as 'torrent info' lists them, 0 first).")
  @Nullable FileSelection files;

  @Option(
      names = "--sequential",
      description = "Download pieces in order (to play while downloading).")
  boolean sequential;

  @Option(
      names = "--max-download-rate",
      paramLabel = "RATE",
      converter = Rate.class,
      description = "Download limit: bytes/s, or 500k, 2m (0: none).")
  @Nullable Long maxDownloadRate;

  @Mixin UploadRateOption upload = new UploadRateOption();

  /** The files asked for: all unless {@code --files} names some. */
  FileSelection selection() {
    return files == null ? FileSelection.ALL : files;
  }

  /** The torrent's options in a one-shot engine. */
  TorrentOptions options() {
    return new TorrentOptions(
        false, sequential, new RateLimits(limit(maxDownloadRate), upload.limit()));
  }

  /** A rate limit from the command line, where absent and 0 both mean none. */
  static OptionalLong limit(@Nullable Long rate) {
    return rate == null || rate == 0 ? OptionalLong.empty() : OptionalLong.of(rate);
  }
}
