package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.equinode.common.TimeSource;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.metainfo.TorrentCreator;

/**
 * Equinode sessions on 127.0.0.1 in one JVM, sharing one disk pool, for tests: content on disk, a
 * torrent of it, seeders and leechers, and byte-for-byte comparison. Closes everything it started.
 */
final class LoopbackSwarm implements AutoCloseable {
  static final InetSocketAddress ANY_LOOPBACK_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  final Path root;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final List<TorrentSession> sessions = new ArrayList<>();
  private long seeds = 100;

  LoopbackSwarm(Path root) {
    this.root = root;
  }

  /** Writes files of these sizes under {@code root/name} (a folder when more than one). */
  static Path content(Path parent, String name, long seed, int... sizes) throws IOException {
    var random = SeededRandom.of(seed);
    if (sizes.length == 1) {
      Files.createDirectories(parent);
      return Files.write(parent.resolve(name), SeededRandom.bytes(random, sizes[0]));
    }
    Path folder = Files.createDirectories(parent.resolve(name));
    for (int i = 0; i < sizes.length; i++) {
      Path file = folder.resolve(i % 2 == 0 ? "file" + i + ".bin" : "sub/file" + i + ".bin");
      Files.createDirectories(file.getParent());
      Files.write(file, SeededRandom.bytes(random, sizes[i]));
    }
    return folder;
  }

  static Metainfo torrentOf(Path source, int pieceLength) {
    return new TorrentCreator(TimeSource.system(), "test")
        .create(source, CreateOptions.none().withPieceLength(pieceLength))
        .metainfo();
  }

  SessionEnvironment environment() {
    return new SessionEnvironment(
        TimeSource.system(), SeededRandom.of(seeds++), new SecureRandom(), pool);
  }

  static SessionSettings listening() {
    return SessionSettings.DEFAULTS.withListen(ANY_LOOPBACK_PORT);
  }

  /** Seeds {@code metainfo}'s files, which lie in {@code folder}. */
  TorrentSession seed(Metainfo metainfo, Path folder, SessionSettings settings) {
    StateFolder state = StateFolder.under(root.resolve("state-" + seeds), metainfo.infoHash());
    return track(
        TorrentSession.start(
            TorrentSource.of(metainfo),
            StorageOpener.sharing(folder, state, settings.storage(), pool, TimeSource.system()),
            settings,
            environment()));
  }

  /** Downloads into {@code downloads}, with its state in {@code stateRoot}. */
  TorrentSession leech(
      TorrentSource source, Path downloads, Path stateRoot, SessionSettings settings) {
    StateFolder state = StateFolder.under(stateRoot, source.infoHash());
    return track(
        TorrentSession.start(
            source,
            StorageOpener.onDisk(downloads, state, settings.storage(), pool, TimeSource.system()),
            settings,
            environment()));
  }

  TorrentSession track(TorrentSession session) {
    sessions.add(session);
    return session;
  }

  static void awaitComplete(TorrentSession session, Duration max) throws Exception {
    try {
      session.whenComplete().get(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not complete after " + max + ": " + session.status(), e);
    }
  }

  /** Every regular file under {@code expected} is in {@code actual} with the same bytes. */
  static void assertSameFiles(Path expected, Path actual) throws IOException {
    if (Files.isRegularFile(expected)) {
      assertThat(actual).hasSameBinaryContentAs(expected);
      return;
    }
    try (Stream<Path> files = Files.walk(expected)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(actual.resolve(expected.relativize(file).toString()))
            .as("%s", file)
            .hasSameBinaryContentAs(file);
      }
    }
  }

  @Override
  public void close() {
    for (TorrentSession session : sessions) {
      session.close();
    }
    pool.shutdownNow();
  }
}
