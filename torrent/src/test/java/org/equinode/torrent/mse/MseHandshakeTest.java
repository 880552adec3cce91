package org.equinode.torrent.mse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.equinode.common.Hex;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.Test;

class MseHandshakeTest {
  private static final InfoHash TORRENT =
      InfoHash.of(Hex.decode("0123456789abcdef0123456789abcdef01234567"));
  private static final Set<CryptoMethod> BOTH = EnumSet.allOf(CryptoMethod.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A connected pair of loopback sockets with a read timeout, so no test can hang. */
  private static Socket[] pair() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
      Socket accepted = server.accept();
      client.setSoTimeout(10_000);
      accepted.setSoTimeout(10_000);
      return new Socket[] {client, accepted};
    }
  }

  private static Optional<InfoHash> serves(byte[] obfuscated) {
    return Arrays.equals(obfuscated, MseHandshake.obfuscatedInfoHash(TORRENT))
        ? Optional.of(TORRENT)
        : Optional.empty();
  }

  private record Ends(MseStreams initiator, MseStreams acceptor) {}

  private static Ends handshake(
      Set<CryptoMethod> offered, Set<CryptoMethod> accepted, boolean preferRc4, byte[] payload)
      throws Exception {
    Socket[] sockets = pair();
    try {
      CompletableFuture<MseStreams> acceptor =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  PushbackInputStream in = new PushbackInputStream(sockets[1].getInputStream(), 20);
                  assertThat(MseHandshake.startsWithPlainHandshake(in)).isFalse();
                  return MseHandshake.accept(
                      in,
                      sockets[1].getOutputStream(),
                      MseHandshakeTest::serves,
                      accepted,
                      preferRc4,
                      RANDOM);
                } catch (IOException e) {
                  closeQuietly(sockets[1]); // as a session does with a failed connection
                  throw new java.io.UncheckedIOException(e);
                } catch (RuntimeException e) {
                  closeQuietly(sockets[1]);
                  throw e;
                }
              });
      MseStreams initiator;
      try {
        initiator =
            MseHandshake.initiate(
                sockets[0].getInputStream(),
                sockets[0].getOutputStream(),
                TORRENT,
                payload,
                offered,
                RANDOM);
      } catch (IOException e) {
        acceptor.get(10, TimeUnit.SECONDS); // the acceptor's failure explains ours
        throw e;
      }
      return new Ends(initiator, acceptor.get(10, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      closeQuietly(sockets[0]);
      closeQuietly(sockets[1]);
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closing
    }
  }

  private static void exchange(Ends ends) throws IOException {
    byte[] big = new byte[100_000];
    RANDOM.nextBytes(big);
    OutputStream out = ends.initiator().out();
    out.write(big);
    out.flush();
    assertThat(ends.acceptor().in().readNBytes(big.length)).isEqualTo(big);
    byte[] reply = "pong".getBytes(StandardCharsets.US_ASCII);
    ends.acceptor().out().write(reply);
    ends.acceptor().out().flush();
    assertThat(ends.initiator().in().readNBytes(4)).isEqualTo(reply);
  }

  @Test
  void bothSidesAgreeOnRc4AndCarryTheInitialPayload() throws Exception {
    byte[] payload = "\u0013BitTorrent protocol....".getBytes(StandardCharsets.ISO_8859_1);
    Ends ends = handshake(BOTH, BOTH, true, payload);
    assertThat(ends.initiator().method()).isEqualTo(CryptoMethod.RC4);
    assertThat(ends.acceptor().method()).isEqualTo(CryptoMethod.RC4);
    assertThat(ends.acceptor().initialPayload()).isEqualTo(payload);
    assertThat(ends.acceptor().infoHash()).isEqualTo(TORRENT);
    exchange(ends);
  }

  @Test
  void anAcceptorThatSavesCpuPicksPlaintextWhenOffered() throws Exception {
    Ends ends = handshake(BOTH, BOTH, false, new byte[0]);
    assertThat(ends.initiator().method()).isEqualTo(CryptoMethod.PLAINTEXT);
    assertThat(ends.acceptor().method()).isEqualTo(CryptoMethod.PLAINTEXT);
    exchange(ends);
  }

  @Test
  void rc4OnlyIsHonouredByBothSides() throws Exception {
    Ends ends = handshake(EnumSet.of(CryptoMethod.RC4), BOTH, false, new byte[0]);
    assertThat(ends.acceptor().method()).isEqualTo(CryptoMethod.RC4);
    exchange(ends);
  }

  @Test
  void noCommonMethodIsRefused() {
    assertThatThrownBy(
            () ->
                handshake(
                    EnumSet.of(CryptoMethod.RC4),
                    EnumSet.of(CryptoMethod.PLAINTEXT),
                    false,
                    new byte[0]))
        .isInstanceOf(MseException.class)
        .hasMessageContaining("offers crypto 2");
  }

  @Test
  void anUnknownTorrentIsRefused() throws Exception {
    Socket[] sockets = pair();
    CompletableFuture<Void> acceptor =
        CompletableFuture.runAsync(
            () -> {
              try {
                MseHandshake.accept(
                    sockets[1].getInputStream(),
                    sockets[1].getOutputStream(),
                    hash -> Optional.empty(),
                    BOTH,
                    false,
                    RANDOM);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              } finally {
                try {
                  sockets[1].close();
                } catch (IOException ignored) {
                  // closing
                }
              }
            });
    assertThatThrownBy(
            () ->
                MseHandshake.initiate(
                    sockets[0].getInputStream(),
                    sockets[0].getOutputStream(),
                    TORRENT,
                    new byte[0],
                    BOTH,
                    RANDOM))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> acceptor.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(MseException.class)
        .hasMessageContaining("a torrent we do not serve");
    sockets[0].close();
  }

  @Test
  void aPlainHandshakeIsRecognisedAndLeftInTheStream() throws IOException {
    byte[] plain = "\u0013BitTorrent protocolrest".getBytes(StandardCharsets.ISO_8859_1);
    PushbackInputStream in = new PushbackInputStream(new ByteArrayInputStream(plain), 20);
    assertThat(MseHandshake.startsWithPlainHandshake(in)).isTrue();
    assertThat(in.readAllBytes()).isEqualTo(plain);
  }

  @Test
  void garbageEndsTheHandshakeWithinItsBoundsNeverAHang() {
    for (int seed = 0; seed < 50; seed++) {
      byte[] garbage = new byte[96 + new java.util.Random(seed).nextInt(2000)];
      new java.util.Random(seed).nextBytes(garbage);
      InputStream in = new ByteArrayInputStream(garbage);
      assertThatThrownBy(
              () ->
                  MseHandshake.accept(
                      in,
                      new ByteArrayOutputStream(),
                      MseHandshakeTest::serves,
                      BOTH,
                      false,
                      RANDOM))
          .isInstanceOfAny(MseException.class, java.io.EOFException.class);
    }
  }

  @Test
  void degenerateDiffieHellmanKeysAreRefused() {
    byte[] one = new byte[96];
    one[95] = 1;
    assertThatThrownBy(
            () ->
                MseHandshake.accept(
                    new ByteArrayInputStream(one),
                    new ByteArrayOutputStream(),
                    MseHandshakeTest::serves,
                    BOTH,
                    false,
                    RANDOM))
        .isInstanceOf(MseException.class)
        .hasMessageContaining("degenerate");
  }
}
