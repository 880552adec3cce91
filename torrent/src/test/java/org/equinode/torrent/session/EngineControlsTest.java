package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.equinode.common.TimeSource;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.storage.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Pause, resume, file selection, order and the engine's caps, on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineControlsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void aPausedTorrentConnectsToNobodyAndResumingDownloadsTheSelectedFilesInOrder()
      throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "set", 5, 200_000, 150_000, 90_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 16 * 1024);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSession seeder = swarm.seed(metainfo, dir.resolve("seed"), LoopbackSwarm.listening());
      StateFolder state = StateFolder.under(dir.resolve("state"), metainfo.infoHash());
      try (TorrentEngine engine =
          TorrentEngine.start(LoopbackSwarm.listening(), swarm.environment())) {
        TorrentSession leecher =
            engine.add(
                TorrentSource.of(metainfo),
                StorageOpener.onDisk(
                    dir.resolve("down"),
                    state,
                    FileSelection.of(List.of(0, 2)),
                    SessionSettings.DEFAULTS.storage(),
                    swarm.environment().pool(),
                    TimeSource.system()),
                new TorrentOptions(true, true, RateLimits.NONE));
        leecher.addPeer(seeder.listenAddress().orElseThrow());
        TorrentStatus paused = leecher.status();
        assertThat(paused.state()).isEqualTo(TorrentStatus.State.PAUSED);
        assertThat(paused.peers()).isZero();
        assertThat(paused.downloaded()).isZero();
        assertThat(leecher.isSequential()).isTrue();

        leecher.resume();
        LoopbackSwarm.awaitComplete(leecher, WAIT);
        Progress progress = leecher.progress().orElseThrow();
        assertThat(progress.files().get(0).isComplete()).isTrue();
        assertThat(progress.files().get(2).isComplete()).isTrue();
        assertThat(progress.files().get(1).isComplete()).isFalse();
        assertThat(engine.openConnections()).isLessThanOrEqualTo(engine.maxConnections());

        leecher.pause();
        assertThat(leecher.status().state()).isEqualTo(TorrentStatus.State.PAUSED);
      }
    }
    assertThat(dir.resolve("down/set/file0.bin"))
        .hasSameBinaryContentAs(shared.resolve("file0.bin"));
    // Torrent order is by name: 0 = file0.bin, 1 = file2.bin, 2 = sub/file1.bin.
    assertThat(dir.resolve("down/set/sub/file1.bin"))
        .hasSameBinaryContentAs(shared.resolve("sub/file1.bin"));
  }

  @Test
  void theEngineCapRefusesConnectionsBeyondIt() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "one.bin", 6, 100_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 16 * 1024);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSession seeder = swarm.seed(metainfo, dir.resolve("seed"), LoopbackSwarm.listening());
      try (TorrentEngine engine =
          TorrentEngine.start(SessionSettings.DEFAULTS, swarm.environment())) {
        engine.setMaxConnections(1);
        TorrentSession leecher =
            engine.add(
                TorrentSource.of(metainfo),
                StorageOpener.onDisk(
                    dir.resolve("down"),
                    StateFolder.under(dir.resolve("state"), metainfo.infoHash()),
                    SessionSettings.DEFAULTS.storage(),
                    swarm.environment().pool(),
                    TimeSource.system()));
        leecher.addPeer(seeder.listenAddress().orElseThrow());
        LoopbackSwarm.awaitComplete(leecher, WAIT);
        assertThat(engine.openConnections()).isLessThanOrEqualTo(1);
        assertThat(engine.maxConnections()).isEqualTo(1);
      }
    }
  }
}
