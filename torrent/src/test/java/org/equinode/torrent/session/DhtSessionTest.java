package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.equinode.common.TimeSource;
import org.equinode.torrent.dht.Dht;
import org.equinode.torrent.dht.DhtSettings;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Equinode DHT nodes on 127.0.0.1: a seeder announces through the DHT, and a leecher that has only
 * a magnet link (no tracker, no {@code x.pe}) finds it there, fetches the metadata and downloads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DhtSessionTest {
  private static final InetSocketAddress ANY_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  @TempDir Path dir;

  private final List<Dht> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(Dht::close);
  }

  static DhtSettings dht(List<InetSocketAddress> bootstrap) {
    return DhtSettings.of(ANY_PORT, bootstrap)
        .withTimers(Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMillis(500));
  }

  private Dht node(List<InetSocketAddress> bootstrap) {
    Dht node = Dht.start(dht(bootstrap), TimeSource.system(), new SecureRandom());
    nodes.add(node);
    return node;
  }

  @Test
  void aMagnetLinkWithoutTrackersIsDownloadedFromASeederFoundInTheDht() throws Exception {
    Dht a = node(List.of());
    Dht b = node(List.of(a.localAddress()));
    Dht c = node(List.of(a.localAddress(), b.localAddress()));
    Path content = LoopbackSwarm.content(dir.resolve("seed"), "dht.bin", 21, 300_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(content, 16 * 1024);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSession seeder =
          swarm.seed(
              metainfo,
              dir.resolve("seed"),
              LoopbackSwarm.listening().withDht(Optional.of(dht(List.of(a.localAddress())))));
      assertThat(seeder.status().peers()).isZero();
      MagnetLink magnet = MagnetLink.of(metainfo.infoHash());
      assertThat(magnet.trackers()).isEmpty();
      assertThat(magnet.peers()).isEmpty();
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(magnet),
              dir.resolve("down"),
              dir.resolve("state-down"),
              LoopbackSwarm.listening().withDht(Optional.of(dht(List.of(c.localAddress())))));
      LoopbackSwarm.awaitComplete(leecher, Duration.ofSeconds(40));
      LoopbackSwarm.assertSameFiles(content, dir.resolve("down").resolve("dht.bin"));
      assertThat(a.node().storedTorrents() + b.node().storedTorrents() + c.node().storedTorrents())
          .isPositive();
    }
  }
}
