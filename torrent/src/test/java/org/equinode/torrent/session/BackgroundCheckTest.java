package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.equinode.common.TimeSource;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.storage.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TorrentOptions#checkInBackground()}: {@code add} returns while the files are hashed on the
 * disk pool, the torrent shows {@code CHECKING}, and a storage that cannot be used shows {@code
 * ERROR} with its message instead of being thrown. No timing: the pool is held by a latch.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackgroundCheckTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void addReturnsWhileTheFilesAreCheckedOnTheDiskPool() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "one.bin", 3, 200_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 16 * 1024);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch hold = new CountDownLatch(1);
    pool.execute(() -> awaitQuietly(hold)); // the only disk thread is busy until released
    try (TorrentEngine engine = TorrentEngine.start(SessionSettings.DEFAULTS, env(pool))) {
      TorrentSession session =
          engine.add(
              TorrentSource.of(metainfo),
              StorageOpener.sharing(
                  dir.resolve("seed"),
                  StateFolder.under(dir.resolve("state"), metainfo.infoHash()),
                  SessionSettings.DEFAULTS.storage(),
                  pool,
                  TimeSource.system()),
              TorrentOptions.DEFAULTS.inBackground());

      TorrentStatus checking = session.status();
      assertThat(checking.state()).isEqualTo(TorrentStatus.State.CHECKING);
      assertThat(session.metadata()).contains(metainfo.info());
      assertThat(session.progress()).isEmpty();

      hold.countDown();
      session.whenComplete().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(session.status().state()).isEqualTo(TorrentStatus.State.SEEDING);
      assertThat(session.status().doneBytes()).isEqualTo(200_000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aStorageThatCannotBeUsedStopsTheTorrentWithItsMessage() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "one.bin", 4, 50_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 16 * 1024);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (TorrentEngine engine = TorrentEngine.start(SessionSettings.DEFAULTS, env(pool))) {
      TorrentSession session =
          engine.add(
              TorrentSource.of(metainfo),
              info -> {
                throw new StorageException(StorageException.Reason.NO_SPACE, dir, "disk on fire");
              },
              TorrentOptions.DEFAULTS.inBackground());

      TorrentStatus failed = awaitState(session, TorrentStatus.State.ERROR);
      assertThat(failed.error()).hasValueSatisfying(m -> assertThat(m).contains("disk on fire"));
      assertThat(engine.find(metainfo.infoHash())).contains(session);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withoutTheOptionAddOpensTheStorageFirstAndThrows() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "one.bin", 5, 50_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 16 * 1024);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (TorrentEngine engine = TorrentEngine.start(SessionSettings.DEFAULTS, env(pool))) {
      assertThatThrownBy(
              () ->
                  engine.add(
                      TorrentSource.of(metainfo),
                      info -> {
                        throw new StorageException(
                            StorageException.Reason.NO_SPACE, dir, "disk on fire");
                      }))
          .isInstanceOf(StorageException.class);
      assertThat(engine.torrents()).isEmpty();
      assertThat(Files.exists(dir.resolve("state"))).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }

  private static SessionEnvironment env(ExecutorService pool) {
    return new SessionEnvironment(
        TimeSource.system(), SeededRandom.of(7), new SecureRandom(), pool);
  }

  private static TorrentStatus awaitState(TorrentSession session, TorrentStatus.State state)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    TorrentStatus status = session.status();
    while (status.state() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + state + " after " + WAIT + ": " + status);
      }
      Thread.sleep(20);
      status = session.status();
    }
    return status;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
