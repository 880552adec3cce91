package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Peers that send wrong data, vanish mid-piece, and a leecher that restarts mid-download. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MisbehavingPeersTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void aPeerSendingWrongDataIsBannedAndTheDownloadCompletesFromTheOthers() throws Exception {
    Path file = LoopbackSwarm.content(dir.resolve("seed"), "data.bin", 4, 1_000_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(file, 32 * 1024);
    InfoDict info = metainfo.info();
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        FakePeer liar = FakePeer.start(info, file, FakePeer.all(info), FakePeer.Mode.CORRUPT, 0)) {
      TorrentSession honest = swarm.seed(metainfo, dir.resolve("seed"), LoopbackSwarm.listening());
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(metainfo),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      // No assertion that the liar is still connected here: alone, it can deliver a whole
      // corrupt piece and be banned before the next line runs, which is what the test wants.
      leecher.addPeer(liar.address());
      leecher.addPeer(honest.listenAddress().orElseThrow());
      LoopbackSwarm.awaitComplete(leecher, WAIT);
      awaitStatus(leecher, s -> s.bannedPeers() == 1, WAIT);
      assertThat(liar.disconnected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(liar.connections).as("never called again once banned").hasValue(1);
    }
    LoopbackSwarm.assertSameFiles(file, dir.resolve("down/data.bin"));
  }

  @Test
  void aSeederThatVanishesMidPieceGivesItsRequestsBack() throws Exception {
    Path file = LoopbackSwarm.content(dir.resolve("seed"), "data.bin", 5, 1_000_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(file, 64 * 1024);
    InfoDict info = metainfo.info();
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        FakePeer quitter =
            FakePeer.start(info, file, FakePeer.all(info), FakePeer.Mode.VANISH, 6)) {
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(metainfo),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      leecher.addPeer(quitter.address());
      assertThat(quitter.vanished.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(leecher.whenComplete()).isNotDone();
      TorrentSession honest = swarm.seed(metainfo, dir.resolve("seed"), LoopbackSwarm.listening());
      leecher.addPeer(honest.listenAddress().orElseThrow());
      LoopbackSwarm.awaitComplete(leecher, WAIT);
      assertThat(leecher.status().bannedPeers()).isZero();
    }
    LoopbackSwarm.assertSameFiles(file, dir.resolve("down/data.bin"));
  }

  @Test
  void aRestartResumesWithoutFetchingVerifiedPiecesAgain() throws Exception {
    Path file = LoopbackSwarm.content(dir.resolve("seed"), "data.bin", 6, 20 * 32 * 1024 - 1000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(file, 32 * 1024);
    InfoDict info = metainfo.info();
    BitSet firstHalf = new BitSet();
    firstHalf.set(0, 10);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        FakePeer half = FakePeer.start(info, file, firstHalf, FakePeer.Mode.HONEST, 0)) {
      TorrentSession first =
          swarm.leech(
              TorrentSource.of(metainfo),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      first.addPeer(half.address());
      awaitStatus(first, s -> s.donePieces() == 10, WAIT);
      first.close();
    }
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        FakePeer full = FakePeer.start(info, file, FakePeer.all(info), FakePeer.Mode.HONEST, 0)) {
      TorrentSession second =
          swarm.leech(
              TorrentSource.of(metainfo),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      assertThat(second.status().donePieces()).isEqualTo(10);
      second.addPeer(full.address());
      LoopbackSwarm.awaitComplete(second, WAIT);
      assertThat(full.requestedPieces).isNotEmpty().allMatch(piece -> piece >= 10);
    }
    LoopbackSwarm.assertSameFiles(file, dir.resolve("down/data.bin"));
  }

  static void awaitStatus(TorrentSession session, Predicate<TorrentStatus> until, Duration max)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!until.test(session.status())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still " + session.status() + " after " + max);
      }
      Thread.sleep(20);
    }
  }
}
