package org.equinode.cli;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --max-upload-rate}, for the commands that seed. */
final class UploadRateOption {
  @Option(
      names = "--max-upload-rate",
      paramLabel = "RATE",
      converter = Rate.class,
      description = "Upload limit: bytes/s, or 500k, 2m (0: none).")
  @Nullable Long maxUploadRate;

  /** The limit given, if any; 0 is none. */
  OptionalLong limit() {
    return DownloadOptions.limit(maxUploadRate);
  }

  /** The value as given, for a node to interpret; empty when not given. */
  @Nullable Long given() {
    return maxUploadRate;
  }
}
