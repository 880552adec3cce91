package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against aria2 1.36 on 127.0.0.1: Equinode downloads from an aria2 seeder (which takes incoming
 * connections without a tracker), and aria2 downloads from Equinode, learning its address from a
 * static-file tracker (aria2 cannot be handed a peer). aria2 offers MSE first and falls back by
 * itself. Skipped without aria2c.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Aria2InteropTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @BeforeAll
  static void needsAria2() {
    assumeTrue(
        ExternalPeer.installed("aria2c"),
        "aria2c is not installed (apt-get install aria2): aria2 interop tests skipped");
  }

  @Test
  void equinodeDownloadsFromAnAria2Seeder() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "set", 31, 1_800_000, 2_000_001);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 64 * 1024);
    Path torrent = Files.write(dir.resolve("set.torrent"), metainfo.encode());
    int ariaPort = ExternalPeer.freePort();
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        ExternalPeer aria2 =
            ExternalPeer.start(
                dir,
                "aria2-seed",
                ExternalPeer.aria2(
                    ariaPort,
                    "--dir=" + dir.resolve("seed"),
                    "--check-integrity=true",
                    "--seed-ratio=0.0",
                    torrent.toString()))) {
      ExternalPeer.awaitListening(ariaPort, WAIT);
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(metainfo),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      leecher.addPeer(ExternalPeer.loopback(ariaPort));
      try {
        LoopbackSwarm.awaitComplete(leecher, WAIT);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + aria2.logTail(), e);
      }
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("down/set"));
  }

  @Test
  void aria2DownloadsFromAnEquinodeSeeder() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "clip.bin", 32, 4_000_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 128 * 1024);
    Path torrent = Files.write(dir.resolve("clip.torrent"), metainfo.encode());
    int httpPort = ExternalPeer.freePort();
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSession seeder = swarm.seed(metainfo, dir.resolve("seed"), LoopbackSwarm.listening());
      String tracker =
          ExternalPeer.staticTracker(
              dir.resolve("tracker"), List.of(seeder.listenAddress().orElseThrow()), httpPort);
      try (ExternalPeer http = ExternalPeer.httpServer(dir, dir.resolve("tracker"), httpPort)) {
        ExternalPeer.awaitListening(httpPort, WAIT);
        assertThat(http.isAlive()).isTrue();
        try (ExternalPeer aria2 =
            ExternalPeer.start(
                dir,
                "aria2-leech",
                ExternalPeer.aria2(
                    ExternalPeer.freePort(),
                    "--dir=" + dir.resolve("down"),
                    "--seed-time=0",
                    "--file-allocation=none",
                    "--bt-exclude-tracker=*",
                    "--bt-tracker=" + tracker,
                    torrent.toString()))) {
          assertThat(aria2.awaitExit(WAIT)).as(aria2.logTail()).isZero();
        }
      }
      assertThat(seeder.status().uploaded()).isGreaterThanOrEqualTo(4_000_000);
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("down/clip.bin"));
  }
}
