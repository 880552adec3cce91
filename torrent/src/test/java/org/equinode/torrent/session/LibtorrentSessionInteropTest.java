package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against libtorrent 2.0 (python3-libtorrent, driven by lt_seed.py) on 127.0.0.1: Equinode
 * downloads from it (its encryption forced, so MSE carries the connection), it downloads from
 * Equinode, and Equinode resolves a magnet link from it. Skipped without python3-libtorrent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibtorrentSessionInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @BeforeAll
  static void needsLibtorrent() {
    assumeTrue(
        ExternalPeer.libtorrentInstalled(),
        "libtorrent's Python binding is not installed for /usr/bin/python3"
            + " (apt-get install python3-libtorrent): libtorrent interop tests skipped");
  }

  @Test
  void equinodeDownloadsFromALibtorrentSeederThatForcesEncryption() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("lt"), "pack", 21, 2_000_000, 1_234_567, 5);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 64 * 1024);
    Path torrent = Files.write(dir.resolve("pack.torrent"), metainfo.encode());
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        ExternalPeer lt =
            ExternalPeer.libtorrent(
                dir, "lt-seed", torrent.toString(), dir.resolve("lt").toString(), "forced")) {
      int port = Integer.parseInt(lt.awaitLine("listening", WAIT));
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(metainfo),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      leecher.addPeer(ExternalPeer.loopback(port));
      LoopbackSwarm.awaitComplete(leecher, WAIT);
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("down/pack"));
  }

  @Test
  void libtorrentDownloadsFromAnEquinodeSeeder() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "movie.bin", 22, 3_500_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 32 * 1024);
    Path torrent = Files.write(dir.resolve("movie.torrent"), metainfo.encode());
    Files.createDirectories(dir.resolve("lt"));
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSession seeder = swarm.seed(metainfo, dir.resolve("seed"), LoopbackSwarm.listening());
      int port = seeder.listenAddress().orElseThrow().getPort();
      try (ExternalPeer lt =
          ExternalPeer.libtorrent(
              dir,
              "lt-leech",
              torrent.toString(),
              dir.resolve("lt").toString(),
              "enabled",
              "leech",
              "127.0.0.1:" + port)) {
        lt.awaitLine("listening", WAIT);
        lt.awaitLine("complete", WAIT);
      }
      assertThat(seeder.status().uploaded()).isGreaterThanOrEqualTo(3_500_000);
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("lt/movie.bin"));
  }

  @Test
  void equinodeResolvesAMagnetLinkFromLibtorrent() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("lt"), "docs", 23, 40_000, 900_000, 300_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 16 * 1024);
    Path torrent = Files.write(dir.resolve("docs.torrent"), metainfo.encode());
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        ExternalPeer lt =
            ExternalPeer.libtorrent(
                dir, "lt-seed", torrent.toString(), dir.resolve("lt").toString(), "enabled")) {
      int port = Integer.parseInt(lt.awaitLine("listening", WAIT));
      MagnetLink magnet =
          new MagnetLink(
              metainfo.infoHash(),
              java.util.Optional.empty(),
              List.of(),
              List.of(
                  new PeerAddress(
                      new PeerHost.Ip(ExternalPeer.loopback(port).getAddress()), port)));
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(magnet),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      LoopbackSwarm.awaitComplete(leecher, WAIT);
      assertThat(leecher.metadata()).contains(metainfo.info());
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("down/docs"));
  }
}
