package org.equinode.node.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.equinode.api.torrent.AddRequest;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.node.DataDirectory;
import org.equinode.node.Node;
import org.equinode.node.NodeConfig;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.dht.Dht;
import org.equinode.torrent.dht.DhtSettings;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.metainfo.TorrentCreator;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.TorrentSource;
import org.equinode.torrent.session.TorrentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes with the DHT on, on 127.0.0.1 only, starting from a DHT node of their own (never the
 * public routers): the second downloads the first's torrent from a magnet link that names no
 * tracker and no peer. Stopped, it keeps the nodes it knew, and starts from them the next time
 * without being told any.
 */
@Timeout(120)
class NodeDhtTest {
  private static final InetSocketAddress LOOPBACK_ANY =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int SIZE = 200_000;

  @TempDir Path folder;

  private static DhtSettings dht(List<InetSocketAddress> bootstrap) {
    return DhtSettings.of(LOOPBACK_ANY, bootstrap)
        .withTimers(Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMillis(500));
  }

  private Node node(String name, List<InetSocketAddress> bootstrap) {
    return Node.start(
        NodeConfig.loopback(new DataDirectory(folder.resolve(name), Network.DEV))
            .withTorrentDht(dht(bootstrap)),
        "test");
  }

  private static AddRequest into(Path dir) {
    return new AddRequest(
        Optional.of(dir), false, AddRequest.defaults().files(), false, RateLimits.NONE, List.of());
  }

  @Test
  void aNodeFindsAnotherNodesTorrentThroughTheDhtAndKeepsItsNodes() throws Exception {
    Path seedFolder = Files.createDirectories(folder.resolve("seed"));
    Path source =
        Files.write(seedFolder.resolve("film.bin"), SeededRandom.bytes(SeededRandom.of(5), SIZE));
    Metainfo metainfo =
        new TorrentCreator(TimeSource.system(), "test")
            .create(source, CreateOptions.none().withPieceLength(16 * 1024))
            .metainfo();
    Path downloads = folder.resolve("down");
    try (Dht router = Dht.start(dht(List.of()), TimeSource.system(), new SecureRandom())) {
      List<InetSocketAddress> start = List.of(router.localAddress());
      try (Node a = node("a", start)) {
        a.torrents().add(TorrentSource.of(metainfo), into(seedFolder));
        try (Node b = node("b", start)) {
          assertThat(b.torrents().dhtAddress()).isPresent();
          MagnetLink magnet = MagnetLink.of(metainfo.infoHash());
          assertThat(magnet.trackers()).isEmpty();
          assertThat(magnet.peers()).isEmpty();
          b.torrents().add(TorrentSource.of(magnet), into(downloads));
          await(
              () ->
                  b.torrents().find(metainfo.infoHash()).orElseThrow().status().state()
                      == TorrentStatus.State.SEEDING);
          assertThat(downloads.resolve("film.bin")).hasSameBinaryContentAs(source);
        }
        Path state = folder.resolve("b").resolve(TorrentHost.STATE_FOLDER);
        assertThat(state.resolve(DhtState.FILE)).exists();
        assertThat(new DhtState(state).load()).isNotEmpty();

        // Told no node this time: it starts from those it kept.
        try (Node again = node("b", List.of())) {
          await(() -> again.torrents().dhtTableSize() > 0);
        }
      }
    }
  }

  private static void await(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done after " + WAIT);
      }
      Thread.sleep(50);
    }
  }
}
