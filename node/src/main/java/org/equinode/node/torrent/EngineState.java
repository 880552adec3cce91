package org.equinode.node.torrent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.equinode.api.Json;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.TorrentEngine;
import org.equinode.torrent.swarm.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger log = LoggerFactory.getLogger(EngineState.class);

  private final Path folder;

  EngineState(Path folder) {
    this.folder = folder;
  }

  /**
   * The saved limits, if there is a readable file. A value out of range (a damaged or hand-edited
   * file: {@code {}} reads as 0 connections) is logged and replaced by the default: no rate limit,
   * {@code defaultConnections}; it never stops the node from starting.
   */
  Optional<Saved> load(int defaultConnections) {
    Path file = folder.resolve(FILE);
    Saved read;
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      read = Json.mapper().readValue(file.toFile(), Saved.class);
    } catch (IOException | RuntimeException e) {
      log.warn("{} ignored: {}", file, e.getMessage());
      return Optional.empty();
    }
    int connections = read.maxConnections();
    if (connections < 1 || connections > TorrentEngine.MAX_TOTAL_CONNECTIONS) {
      log.warn(
          "{}: maxConnections {} ignored (not 1..{})",
          file,
          connections,
          TorrentEngine.MAX_TOTAL_CONNECTIONS);
      connections = defaultConnections;
    }
    return Optional.of(
        new Saved(
            rate(read.maxDownloadRate(), file, "maxDownloadRate"),
            rate(read.maxUploadRate(), file, "maxUploadRate"),
            connections));
  }

  /** {@code rate} if it is a valid limit; none (unlimited) otherwise. */
  private static Optional<Long> rate(Optional<Long> rate, Path file, String name) {
    if (rate.isPresent() && (rate.get() < 1 || rate.get() > RateLimiter.MAX_RATE)) {
      log.warn("{}: {} {} ignored (not 1..{})", file, name, rate.get(), RateLimiter.MAX_RATE);
      return Optional.empty();
    }
    return rate;
  }

  void save(Saved saved) {
    OwnerOnlyFiles.createFolder(folder);
    try {
      OwnerOnlyFiles.writeAtomically(folder.resolve(FILE), Json.mapper().writeValueAsBytes(saved));
    } catch (IOException e) {
      throw new TorrentException(
          "cannot save the engine's limits " + folder.resolve(FILE) + ": " + e, e);
    }
  }
}
