package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.peer.BlockRequest;
import org.equinode.torrent.peer.Handshake;
import org.equinode.torrent.peer.MessageDecoder;
import org.equinode.torrent.peer.MessageReader;
import org.equinode.torrent.peer.PeerMessage;
import org.equinode.torrent.peer.ReservedBits;
import org.equinode.torrent.swarm.PieceLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upload tokens are charged when a request is accepted and given back when it is dropped unsent: a
 * raw peer asks a rate-limited seeder for five blocks, cancels three, then leaves. The seeder's
 * upload tokens are counted at each step. Its limit is 1 byte/s, so the clock adds at most a few
 * bytes to any count while the test runs; no assertion depends on time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UploadRefundTest {
  private static final int BLOCK = PieceLayout.BLOCK_LENGTH;

  /** Bytes the 1 B/s limit can refill while the test runs, far below a block. */
  private static final long SLACK = 1024;

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void cancelledAndAbandonedRequestsGiveTheirTokensBack() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "one.bin", 11, 8 * BLOCK);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 4 * BLOCK);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSession seeder = swarm.seed(metainfo, dir.resolve("seed"), LoopbackSwarm.listening());
      seeder.setRateLimits(RateLimits.NONE.withUpload(OptionalLong.of(1)));
      Throttle throttle = seeder.exchange().throttle;
      // The burst of a 1 B/s limit is one block.
      assertThat(throttle.uploadTokens(now(seeder))).isEqualTo(BLOCK);

      try (Socket socket = new Socket()) {
        socket.connect(seeder.listenAddress().orElseThrow());
        socket.setSoTimeout((int) WAIT.toMillis());
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        out.write(
            new Handshake(
                    ReservedBits.NONE,
                    metainfo.infoHash(),
                    PeerId.of("-RF0001-refundrefund".getBytes(StandardCharsets.US_ASCII)))
                .encode());
        out.write(PeerMessage.encode(new PeerMessage.Interested()));
        out.flush();
        in.readFully(new byte[Handshake.LENGTH]);
        MessageReader reader =
            new MessageReader(
                in, MessageDecoder.initial().withPieceCount(metainfo.info().pieceCount()));
        while (!(reader.read() instanceof PeerMessage.Unchoke)) {
          // bitfield, extended handshake: until the seeder unchokes us
        }

        BlockRequest[] asked = new BlockRequest[5];
        for (int i = 0; i < asked.length; i++) {
          asked[i] = new BlockRequest(i / 4, (i % 4) * BLOCK, BLOCK);
          out.write(PeerMessage.encode(new PeerMessage.Request(asked[i])));
        }
        out.flush();
        // The burst pays for the first, which comes at once; four wait on credit.
        while (!(reader.read() instanceof PeerMessage.Piece piece)
            || piece.begin() != asked[0].begin()) {
          // keep-alives, haves
        }
        awaitTokens(seeder, t -> t <= -4L * BLOCK + SLACK);
        assertThat(throttle.uploadTokens(now(seeder))).isBetween(-4L * BLOCK, -4L * BLOCK + SLACK);

        for (int i = 2; i < asked.length; i++) {
          out.write(PeerMessage.encode(new PeerMessage.Cancel(asked[i])));
        }
        out.flush();
        awaitTokens(seeder, t -> t >= -BLOCK);
        assertThat(throttle.uploadTokens(now(seeder))).isBetween(-1L * BLOCK, -BLOCK + SLACK);
      }
      // Gone with one request waiting: its block is given back too.
      awaitTokens(seeder, t -> t >= 0);
      assertThat(throttle.uploadTokens(now(seeder))).isBetween(0L, SLACK);
      assertThat(seeder.status().uploaded()).isEqualTo(BLOCK);
    }
  }

  private static long now(TorrentSession session) {
    return session.exchange().now();
  }

  private static void awaitTokens(TorrentSession session, LongPredicate done)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Throttle throttle = session.exchange().throttle;
    while (!done.test(throttle.uploadTokens(now(session)))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("tokens now " + throttle.uploadTokens(now(session)));
      }
      Thread.sleep(10);
    }
  }
}
