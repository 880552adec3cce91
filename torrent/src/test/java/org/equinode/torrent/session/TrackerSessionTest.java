package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.tracker.AnnounceRequest;
import org.equinode.torrent.tracker.AnnounceScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sessions find each other through an HTTP tracker and tell it started, completed, stopped. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrackerSessionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Announces at most every second, so that "completed" does not wait a minute. */
  private static final AnnounceScheduler.Settings QUICK =
      new AnnounceScheduler.Settings(
          AnnounceRequest.DEFAULT_NUM_WANT,
          Duration.ofSeconds(1),
          Duration.ofMinutes(1),
          Duration.ofSeconds(1),
          Duration.ofSeconds(10));

  @TempDir Path dir;

  @Test
  void aLeecherFindsTheSeederThroughTheTrackerAndReportsItsDownload() throws Exception {
    Path file = LoopbackSwarm.content(dir.resolve("seed"), "data.bin", 61, 900_000);
    Metainfo plain = LoopbackSwarm.torrentOf(file, 32 * 1024);
    try (RecordingTracker tracker = RecordingTracker.start();
        LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSource source =
          new TorrentSource(
              plain.infoHash(),
              Optional.of(plain.info()),
              List.of(List.of(tracker.url())),
              List.of(),
              Optional.empty());
      SessionSettings settings = LoopbackSwarm.listening().withTrackers(QUICK);
      TorrentSession seeder =
          swarm.track(
              TorrentSession.start(
                  source,
                  StorageOpener.sharing(
                      dir.resolve("seed"),
                      StateFolder.under(dir.resolve("s1"), plain.infoHash()),
                      settings.storage(),
                      swarm.environment().pool(),
                      org.equinode.common.TimeSource.system()),
                  settings,
                  swarm.environment()));
      int seederPort = seeder.listenAddress().orElseThrow().getPort();
      MisbehavingPeersTest.awaitStatus(seeder, s -> !tracker.events(seederPort).isEmpty(), WAIT);
      TorrentSession leecher =
          swarm.leech(source, dir.resolve("down"), dir.resolve("s2"), settings);
      int leecherPort = leecher.listenAddress().orElseThrow().getPort();
      LoopbackSwarm.awaitComplete(leecher, WAIT);
      MisbehavingPeersTest.awaitStatus(
          leecher, s -> tracker.events(leecherPort).contains("completed"), WAIT);
      leecher.close();
      seeder.close();

      assertThat(tracker.events(leecherPort)).startsWith("started").endsWith("stopped");
      assertThat(tracker.events(leecherPort)).containsOnlyOnce("completed");
      assertThat(tracker.events(seederPort))
          .startsWith("started")
          .endsWith("stopped")
          .doesNotContain("completed");
      assertThat(tracker.announces())
          .filteredOn(a -> a.port() == seederPort)
          .allSatisfy(a -> assertThat(a.left()).isZero());
    }
    LoopbackSwarm.assertSameFiles(file, dir.resolve("down/data.bin"));
  }
}
