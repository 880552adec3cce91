package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three clients in one swarm on 127.0.0.1: libtorrent seeds, Equinode downloads from it (finding it
 * through an HTTP tracker: announces, peers from the response) and at the same time uploads to
 * aria2, whose tracker names only Equinode. Everyone ends with the same bytes. Skipped without
 * python3-libtorrent or aria2c.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MixedSwarmInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(40);

  @TempDir Path dir;

  @Test
  void libtorrentFeedsEquinodeWhichFeedsAria2() throws Exception {
    assumeTrue(
        ExternalPeer.libtorrentInstalled() && ExternalPeer.installed("aria2c"),
        "needs python3-libtorrent and aria2c (apt-get install python3-libtorrent aria2):"
            + " mixed swarm test skipped");
    Path shared = LoopbackSwarm.content(dir.resolve("lt"), "mix", 51, 2_500_000, 1_500_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 64 * 1024);
    Path torrent = Files.write(dir.resolve("mix.torrent"), metainfo.encode());
    int httpPort = ExternalPeer.freePort();
    Path trackers = dir.resolve("tracker");
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        ExternalPeer lt =
            ExternalPeer.libtorrent(
                dir, "lt-seed", torrent.toString(), dir.resolve("lt").toString(), "enabled");
        ExternalPeer http =
            ExternalPeer.httpServer(dir, Files.createDirectories(trackers), httpPort)) {
      int ltPort = Integer.parseInt(lt.awaitLine("listening", WAIT));
      String toLibtorrent =
          ExternalPeer.staticTracker(
              trackers, "lt", List.of(ExternalPeer.loopback(ltPort)), httpPort);
      ExternalPeer.awaitListening(httpPort, WAIT);
      assertThat(http.isAlive()).isTrue();

      TorrentSession equinode =
          swarm.leech(
              new TorrentSource(
                  metainfo.infoHash(),
                  Optional.of(metainfo.info()),
                  List.of(List.of(toLibtorrent)),
                  List.of(),
                  Optional.empty()),
              dir.resolve("equinode"),
              dir.resolve("state"),
              LoopbackSwarm.listening());
      String toEquinode =
          ExternalPeer.staticTracker(
              trackers, "equinode", List.of(equinode.listenAddress().orElseThrow()), httpPort);
      try (ExternalPeer aria2 =
          ExternalPeer.start(
              dir,
              "aria2-leech",
              ExternalPeer.aria2(
                  ExternalPeer.freePort(),
                  "--dir=" + dir.resolve("aria2"),
                  "--seed-time=0",
                  "--file-allocation=none",
                  "--bt-exclude-tracker=*",
                  "--bt-tracker=" + toEquinode,
                  torrent.toString()))) {
        LoopbackSwarm.awaitComplete(equinode, WAIT);
        assertThat(aria2.awaitExit(WAIT)).as(aria2.logTail()).isZero();
      }
      TorrentStatus status = equinode.status();
      assertThat(status.downloaded()).isGreaterThanOrEqualTo(4_000_000);
      assertThat(status.uploaded()).isGreaterThanOrEqualTo(4_000_000);
      assertThat(equinode.trackers())
          .singleElement()
          .satisfies(t -> assertThat(t.toString()).contains(toLibtorrent));
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("equinode/mix"));
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("aria2/mix"));
  }
}
