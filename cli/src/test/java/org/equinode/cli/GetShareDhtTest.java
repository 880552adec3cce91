package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.equinode.common.TimeSource;
import org.equinode.torrent.dht.Dht;
import org.equinode.torrent.dht.DhtSettings;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code share} and {@code get} meet only through a DHT node on 127.0.0.1 (no x.pe, no tracker).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GetShareDhtTest {
  @TempDir Path home;

  @Test
  void getFindsTheSharerThroughTheDht() throws Exception {
    Path file = home.resolve("share/dht.bin");
    Files.createDirectories(file.getParent());
    byte[] content = new byte[300_000];
    new Random(9).nextBytes(content);
    Files.write(file, content);
    DhtSettings settings =
        DhtSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), List.of())
            .withTimers(Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMillis(500));
    CommandRunner runner = new CommandRunner(home, TimeSource.system());
    try (Dht node = Dht.start(settings, TimeSource.system(), new SecureRandom())) {
      String dhtNode = "127.0.0.1:" + node.localAddress().getPort();
      CommandRunner.Running share =
          runner.start(
              "share",
              file.toString(),
              "--listen",
              "127.0.0.1:0",
              "--dht-listen",
              "127.0.0.1:0",
              "--dht-node",
              dhtNode,
              "--datadir",
              home.resolve("seeder").toString());
      try {
        String hash = awaitLine(share, "info-hash:");
        awaitLine(share, "DHT on 127.0.0.1:");
        String magnet = MagnetLink.of(InfoHash.parse(hash)).toUri();
        CommandRunner.Result get =
            runner.run(
                "get",
                magnet,
                "--dir",
                home.resolve("down").toString(),
                "--listen",
                "127.0.0.1:0",
                "--dht-listen",
                "127.0.0.1:0",
                "--dht-node",
                dhtNode,
                "--datadir",
                home.resolve("leecher").toString());
        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(get.out()).contains("DHT on 127.0.0.1:", "done: ");
        assertThat(home.resolve("down/dht.bin")).hasBinaryContent(content);
      } finally {
        share.thread().interrupt();
      }
      assertThat(share.exit().get(20, TimeUnit.SECONDS)).as(share.err().toString()).isZero();
    }
  }

  @Test
  void theDhtIsOffUnlessAskedAndNoDhtWins() {
    DhtOptions options = new DhtOptions();
    assertThat(options.settings()).isEmpty();
    options.nodes.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), 6881));
    assertThat(options.settings().orElseThrow().bootstrap()).hasSize(1);
    options.enabled = false;
    assertThat(options.settings()).isEmpty();
    options.enabled = true;
    options.nodes.clear();
    // The public routers, left unresolved: nothing is looked up before the DHT starts.
    assertThat(options.settings().orElseThrow().bootstrap())
        .hasSize(DhtSettings.PUBLIC_ROUTERS.size())
        .allMatch(InetSocketAddress::isUnresolved);
  }

  private static String awaitLine(CommandRunner.Running running, String prefix)
      throws InterruptedException {
    for (int i = 0; i < 2000; i++) {
      for (String line : running.out().toString().lines().toList()) {
        if (line.startsWith(prefix)) {
          return line.substring(prefix.length()).strip();
        }
      }
      assertThat(running.exit()).as(running.err().toString()).isNotDone();
      Thread.sleep(10);
    }
    throw new AssertionError("no '" + prefix + "': " + running.out() + running.err());
  }
}
