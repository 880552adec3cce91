package org.equinode.node.torrent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.equinode.api.Json;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.session.FileSelection;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.StateFolder;
import org.equinode.torrent.session.TorrentSource;

/**
 * What the node remembers of one torrent across restarts, in {@code
 * <datadir>/torrents/<info-hash>/torrent.json} next to the metadata and resume file of its {@link
 * StateFolder}: how it was added and whether it is paused.
 *
 * @param added the order it was added in (1 first)
 * @param trackers tracker tiers
 * @param peers peers to try, {@code HOST:PORT}
 * @param maxDownloadRate its own limit in bytes per second, absent for none
 */
record TorrentRecord(
    String infohash,
    long added,
    String saveDir,
    boolean paused,
    List<Integer> files,
    boolean sequential,
    Optional<Long> maxDownloadRate,
    Optional<Long> maxUploadRate,
    List<List<String>> trackers,
    List<String> peers,
    Optional<String> displayName) {
  /** The file's name in the state folder. */
  static final String FILE = "torrent.json";

  /** The largest record read back (its peers and trackers are bounded by the magnet limits). */
  static final long MAX_BYTES = 4L * 1024 * 1024;

  TorrentRecord {
    files = List.copyOf(files);
    trackers = trackers.stream().map(List::copyOf).toList();
    peers = List.copyOf(peers);
  }

  InfoHash infoHash() {
    return InfoHash.parse(infohash);
  }

  Path folder() {
    return Path.of(saveDir);
  }

  FileSelection selection() {
    return FileSelection.of(files);
  }

  RateLimits limits() {
    return new RateLimits(unboxed(maxDownloadRate), unboxed(maxUploadRate));
  }

  TorrentRecord withPaused(boolean pause) {
    return new TorrentRecord(
        infohash,
        added,
        saveDir,
        pause,
        files,
        sequential,
        maxDownloadRate,
        maxUploadRate,
        trackers,
        peers,
        displayName);
  }

  TorrentRecord withLimits(RateLimits limits) {
    return new TorrentRecord(
        infohash,
        added,
        saveDir,
        paused,
        files,
        sequential,
        boxed(limits.download()),
        boxed(limits.upload()),
        trackers,
        peers,
        displayName);
  }

  /** The source to add again: the metadata comes from the state folder once it was saved. */
  TorrentSource source(StateFolder state) {
    return new TorrentSource(
        infoHash(),
        state.loadMetadata(),
        trackers,
        peers.stream().map(PeerAddress::parse).toList(),
        displayName);
  }

  void save(StateFolder state) {
    state.create();
    try {
      OwnerOnlyFiles.writeAtomically(
          state.path().resolve(FILE), Json.mapper().writeValueAsBytes(this));
    } catch (IOException e) {
      throw new TorrentException(
          "cannot save the torrent's record " + state.path().resolve(FILE) + ": " + e, e);
    }
  }

  /** The record in {@code folder}, if there is a readable one. */
  static Optional<TorrentRecord> load(Path folder) {
    Path file = folder.resolve(FILE);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      TorrentRecord record = Json.mapper().readValue(file.toFile(), TorrentRecord.class);
      var unused = record.infoHash(); // must parse
      return Optional.of(record);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<Long> boxed(OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }

  static OptionalLong unboxed(Optional<Long> value) {
    return value.isPresent() ? OptionalLong.of(value.get()) : OptionalLong.empty();
  }
}
