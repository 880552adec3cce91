package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Peer exchange (BEP 11) between Equinode sessions on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PexSessionTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  /**
   * Three leechers of a torrent nobody has (so no connection ends because both sides are seeds): B
   * and C are each told only of A, and meet through A's peer exchange. A's first message to a new
   * peer goes at its next tick; B is connected before C, so that message names B.
   */
  @Test
  void aPeerLearnsAnotherOnlyThroughPeerExchange() throws Exception {
    Path content = LoopbackSwarm.content(dir.resolve("nobody"), "pex.bin", 5, 200_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(content, 16 * 1024);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSession a = leecher(swarm, metainfo, "a");
      TorrentSession b = leecher(swarm, metainfo, "b");
      b.addPeer(a.listenAddress().orElseThrow());
      await(() -> a.status().peers() == 1 && b.status().peers() == 1, "A and B", a, b);
      TorrentSession c = leecher(swarm, metainfo, "c");
      c.addPeer(a.listenAddress().orElseThrow());
      await(() -> c.status().peers() == 2 && b.status().peers() == 2, "B and C", b, c);
      assertThat(c.status().knownPeers()).isEqualTo(2);
      assertThat(a.status().peers()).isEqualTo(2);
    }
  }

  private TorrentSession leecher(LoopbackSwarm swarm, Metainfo metainfo, String name) {
    return swarm.leech(
        TorrentSource.of(metainfo),
        dir.resolve("down-" + name),
        dir.resolve("state-" + name),
        LoopbackSwarm.listening());
  }

  private static void await(BooleanSupplier met, String what, TorrentSession... sessions)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!met.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        StringBuilder states = new StringBuilder();
        for (TorrentSession session : sessions) {
          states.append('\n').append(session.status());
        }
        throw new AssertionError(what + " did not connect within " + WAIT + states);
      }
      Thread.sleep(50);
    }
  }
}
