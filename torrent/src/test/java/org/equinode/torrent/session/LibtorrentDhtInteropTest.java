package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.equinode.common.TimeSource;
import org.equinode.torrent.dht.Dht;
import org.equinode.torrent.dht.LookupResult;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Equinode's DHT with libtorrent 2.0's on 127.0.0.1 (libtorrent's bootstrap list empty, our node
 * added by hand; no trackers; LSD, UPnP, NAT-PMP, uTP off; stopped by PID). Both ways: libtorrent
 * announces to our node and our lookup finds it as a seeder; our seeder announces and libtorrent
 * finds and downloads from it. Skipped without {@code python3-libtorrent}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LibtorrentDhtInteropTest {
  private static final String SCRIPT = "/org/equinode/torrent/interop/lt_dht.py";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void equinodeFindsALibtorrentSeederThroughTheDht() throws Exception {
    assumeTrue(ExternalPeer.libtorrentInstalled(), "python3-libtorrent is not installed: skipped");
    Path content = LoopbackSwarm.content(dir.resolve("lt"), "lt-dht.bin", 31, 250_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(content, 16 * 1024);
    Path torrent = Files.write(dir.resolve("lt-dht.torrent"), metainfo.encode());
    try (Dht node =
            Dht.start(DhtSessionTest.dht(List.of()), TimeSource.system(), new SecureRandom());
        ExternalPeer lt = libtorrent(torrent, dir.resolve("lt"), node, "seed");
        LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      int ltPort = Integer.parseInt(lt.awaitLine("listening", WAIT));
      InetSocketAddress seeder = new InetSocketAddress(InetAddress.getLoopbackAddress(), ltPort);
      awaitAnnounced(node, lt);
      LookupResult found = node.getPeers(metainfo.infoHash()).get(10, TimeUnit.SECONDS);
      assertThat(found.peers()).contains(seeder);
      assertThat(found.closest()).isNotEmpty();

      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(MagnetLink.of(metainfo.infoHash())),
              dir.resolve("down"),
              dir.resolve("state-down"),
              LoopbackSwarm.listening()
                  .withDht(Optional.of(DhtSessionTest.dht(List.of(node.localAddress())))));
      LoopbackSwarm.awaitComplete(leecher, WAIT);
      LoopbackSwarm.assertSameFiles(content, dir.resolve("down").resolve("lt-dht.bin"));
    }
  }

  @Test
  void libtorrentFindsAnEquinodeSeederThroughTheDht() throws Exception {
    assumeTrue(ExternalPeer.libtorrentInstalled(), "python3-libtorrent is not installed: skipped");
    Path content = LoopbackSwarm.content(dir.resolve("seed"), "eq-dht.bin", 32, 250_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(content, 16 * 1024);
    Path torrent = Files.write(dir.resolve("eq-dht.torrent"), metainfo.encode());
    Files.createDirectories(dir.resolve("lt"));
    try (Dht node =
            Dht.start(DhtSessionTest.dht(List.of()), TimeSource.system(), new SecureRandom());
        LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      var unused =
          swarm.seed(
              metainfo,
              dir.resolve("seed"),
              LoopbackSwarm.listening()
                  .withDht(Optional.of(DhtSessionTest.dht(List.of(node.localAddress())))));
      try (ExternalPeer lt = libtorrent(torrent, dir.resolve("lt"), node, "leech")) {
        lt.awaitLine("listening", WAIT);
        lt.awaitLine("complete", WAIT);
      }
      LoopbackSwarm.assertSameFiles(content, dir.resolve("lt").resolve("eq-dht.bin"));
    }
  }

  private static void awaitAnnounced(Dht node, ExternalPeer lt) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (node.node().storedTorrents() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("libtorrent did not announce to our node" + lt.logTail());
      }
      Thread.sleep(100);
    }
  }

  private ExternalPeer libtorrent(Path torrent, Path data, Dht node, String mode)
      throws IOException {
    Path script = dir.resolve("lt_dht.py");
    if (!Files.exists(script)) {
      try (InputStream in = LibtorrentDhtInteropTest.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new IOException("no " + SCRIPT + " on the class path");
        }
        Files.write(script, in.readAllBytes());
      }
    }
    return ExternalPeer.start(
        dir,
        "libtorrent-" + mode,
        List.of(
            ExternalPeer.PYTHON,
            script.toString(),
            torrent.toString(),
            data.toString(),
            "127.0.0.1:" + node.localAddress().getPort(),
            mode));
  }
}
