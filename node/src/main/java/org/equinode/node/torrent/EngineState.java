package org.equinode.node.torrent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.equinode.api.Json;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.node.NodeException;
import org.equinode.torrent.session.RateLimits;

/** The engine's limits as set through {@code torrent.setlimits}: {@code torrents/engine.json}. */
final class EngineState {
  static final String FILE = "engine.json";

  /** The largest file read back. */
  static final long MAX_BYTES = 64 * 1024;

  /** What is saved. */
  record Saved(Optional<Long> maxDownloadRate, Optional<Long> maxUploadRate, int maxConnections) {
    Saved(RateLimits limits, int maxConnections) {
      this(
          TorrentRecord.boxed(limits.download()),
          TorrentRecord.boxed(limits.upload()),
          maxConnections);
    }

    RateLimits limits() {
      return new RateLimits(
          TorrentRecord.unboxed(maxDownloadRate), TorrentRecord.unboxed(maxUploadRate));
    }
  }

  private final Path folder;

  EngineState(Path folder) {
    this.folder = folder;
  }

  /** The saved limits, if there is a readable file. */
  Optional<Saved> load() {
    Path file = folder.resolve(FILE);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(Json.mapper().readValue(file.toFile(), Saved.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void save(Saved saved) {
    OwnerOnlyFiles.createFolder(folder);
    try {
      OwnerOnlyFiles.writeAtomically(folder.resolve(FILE), Json.mapper().writeValueAsBytes(saved));
    } catch (IOException e) {
      throw new NodeException("cannot save " + folder.resolve(FILE) + ": " + e, e);
    }
  }
}
