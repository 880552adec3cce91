package org.equinode.node.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.equinode.api.torrent.AddRequest;
import org.equinode.api.torrent.TorrentEntry;
import org.equinode.common.TimeSource;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.metainfo.TorrentCreator;
import org.equinode.torrent.session.SessionSettings;
import org.equinode.torrent.session.TorrentSource;
import org.equinode.torrent.session.TorrentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Neither {@link TorrentHost#add} nor a start waits for a torrent's files to be checked: the
 * torrent is {@code CHECKING} while the disk pool (held here by a latch, so nothing depends on
 * timing) hashes them, and files that cannot be used show {@code ERROR} with the reason.
 */
@Timeout(60)
class TorrentHostCheckTest {
  private static final InetSocketAddress LOOPBACK_ANY =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int SIZE = 300_000;

  @TempDir Path folder;

  private Metainfo torrentIn(Path saveDir) throws Exception {
    Path source =
        Files.write(
            Files.createDirectories(saveDir).resolve("film.bin"),
            SeededRandom.bytes(SeededRandom.of(9), SIZE));
    return new TorrentCreator(TimeSource.system(), "test")
        .create(source, CreateOptions.none().withPieceLength(16 * 1024))
        .metainfo();
  }

  private TorrentHost start(ExecutorService pool) {
    return TorrentHost.start(
        folder.resolve("data"),
        SessionSettings.DEFAULTS.withListen(LOOPBACK_ANY),
        TimeSource.system(),
        new SecureRandom(),
        pool);
  }

  private AddRequest into(Path dir) {
    return new AddRequest(
        Optional.of(dir),
        false,
        AddRequest.defaults().files(),
        false,
        AddRequest.defaults().limits(),
        java.util.List.of());
  }

  @Test
  void addAndStartReturnWhileTheFilesAreCheckedOnTheDiskPool() throws Exception {
    Path downloads = folder.resolve("down");
    Metainfo metainfo = torrentIn(downloads); // the whole file is there already: checking finds it
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch hold = new CountDownLatch(1);
    try (TorrentHost host = start(pool)) {
      pool.execute(() -> awaitQuietly(hold));
      TorrentEntry added = host.add(TorrentSource.of(metainfo), into(downloads));
      assertThat(added.status().state()).isEqualTo(TorrentStatus.State.CHECKING);
      assertThat(host.torrents()).singleElement().satisfies(e -> checking(e, metainfo));
      hold.countDown();
      TorrentEntry seeding =
          await(host, metainfo, e -> e.status().state() == TorrentStatus.State.SEEDING);
      assertThat(seeding.status().doneBytes()).isEqualTo(SIZE);
    } finally {
      pool.shutdownNow();
    }

    ExecutorService again = Executors.newSingleThreadExecutor();
    CountDownLatch holdAgain = new CountDownLatch(1);
    again.execute(() -> awaitQuietly(holdAgain));
    try (TorrentHost host = start(again)) {
      // The start returned with the disk pool held: the torrent is back, being checked.
      assertThat(host.torrents()).singleElement().satisfies(e -> checking(e, metainfo));
      holdAgain.countDown();
      await(host, metainfo, e -> e.status().state() == TorrentStatus.State.SEEDING);
    } finally {
      again.shutdownNow();
    }
  }

  @Test
  void filesThatCannotBeUsedShowAnErrorAndTheHostGoesOn() throws Exception {
    Metainfo metainfo = torrentIn(folder.resolve("made"));
    Path downloads = folder.resolve("down");
    // Where the file belongs, a folder with someone's file in it.
    Files.writeString(Files.createDirectories(downloads.resolve("film.bin")).resolve("x"), "x");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (TorrentHost host = start(pool)) {
      host.add(TorrentSource.of(metainfo), into(downloads));
      TorrentEntry failed =
          await(host, metainfo, e -> e.status().state() == TorrentStatus.State.ERROR);
      assertThat(failed.status().error())
          .hasValueSatisfying(m -> assertThat(m).contains("film.bin"));
      assertThat(host.remove(metainfo.infoHash(), false)).isPresent();
      assertThat(host.torrents()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  private static void checking(TorrentEntry entry, Metainfo metainfo) {
    assertThat(entry.status().state()).isEqualTo(TorrentStatus.State.CHECKING);
    assertThat(entry.status().infoHash()).isEqualTo(metainfo.infoHash());
  }

  private static TorrentEntry await(
      TorrentHost host, Metainfo metainfo, Predicate<TorrentEntry> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    TorrentEntry entry = host.find(metainfo.infoHash()).orElseThrow();
    while (!done.test(entry)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not there after " + WAIT + ": " + entry);
      }
      Thread.sleep(20);
      entry = host.find(metainfo.infoHash()).orElseThrow();
    }
    return entry;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
