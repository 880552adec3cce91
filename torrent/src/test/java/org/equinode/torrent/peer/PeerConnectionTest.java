package org.equinode.torrent.peer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equinode.common.Hex;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.peer.PeerMessage.HaveAll;
import org.equinode.torrent.peer.PeerMessage.Interested;
import org.equinode.torrent.peer.PeerMessage.Piece;
import org.equinode.torrent.peer.PeerMessage.Request;
import org.equinode.torrent.peer.PeerMessage.Unchoke;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections over real loopback sockets; time moves only when a test moves the clock. */
@Timeout(30)
class PeerConnectionTest {
  private static final InfoHash HASH = InfoHash.ofInfoBytes("a torrent".getBytes(US_ASCII));
  private static final InfoHash OTHER = InfoHash.ofInfoBytes("another".getBytes(US_ASCII));

  private final TestClock clock = TestClock.fixed();
  private final LocalPeer alice =
      new LocalPeer(PeerId.random(SeededRandom.of(1)), ReservedBits.ours(false));
  private final LocalPeer bob =
      new LocalPeer(PeerId.random(SeededRandom.of(2)), ReservedBits.ours(true));
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private Socket[] sockets() throws Exception {
    Socket[] pair = RawPeer.pair();
    toClose.add(pair[0]);
    toClose.add(pair[1]);
    return pair;
  }

  private PeerConnection connect(Socket socket, LocalPeer local, PeerListener listener) {
    return connect(socket, local, listener, ConnectionSettings.DEFAULTS);
  }

  private PeerConnection connect(
      Socket socket, LocalPeer local, PeerListener listener, ConnectionSettings settings) {
    PeerConnection c =
        PeerConnection.connect(SocketTransport.of(socket), HASH, local, listener, settings, clock);
    toClose.add(() -> c.close(CloseReason.CLOSED_LOCALLY, "test over"));
    return c;
  }

  private PeerConnection accept(Socket socket, LocalPeer local, PeerListener listener) {
    PeerConnection c =
        PeerConnection.accept(
            SocketTransport.of(socket),
            local,
            HASH::equals,
            listener,
            ConnectionSettings.DEFAULTS,
            clock);
    toClose.add(() -> c.close(CloseReason.CLOSED_LOCALLY, "test over"));
    return c;
  }

  private static RawPeer raw(Socket socket) throws Exception {
    return new RawPeer(socket);
  }

  @Test
  void twoConnectionsHandshakeAndExchangeABlock() throws Exception {
    Socket[] pair = sockets();
    byte[] block = SeededRandom.bytes(SeededRandom.of(3), PeerMessage.MAX_BLOCK_LENGTH);
    // Bob serves: he has everything, unchokes on interest and answers requests.
    RecordingListener bobHears =
        new RecordingListener(
            (c, remote) -> c.send(new HaveAll()),
            (c, message) -> {
              switch (message) {
                case Interested i -> c.send(new Unchoke());
                case Request r ->
                    c.send(new Piece(r.block().piece(), r.block().begin(), ByteBuffer.wrap(block)));
                default -> {}
              }
            });
    RecordingListener aliceHears =
        new RecordingListener(
            (c, remote) -> c.pieceCount(10),
            (c, message) -> {
              switch (message) {
                case HaveAll h -> c.send(new Interested());
                case Unchoke u -> c.send(Request.of(7, 16384, 16384));
                default -> {}
              }
            });
    PeerConnection bobSide = accept(pair[1], bob, bobHears);
    PeerConnection aliceSide = connect(pair[0], alice, aliceHears);

    Handshake seenByAlice = aliceHears.awaitOpen();
    assertThat(seenByAlice.peerId()).isEqualTo(bob.peerId());
    assertThat(seenByAlice.infoHash()).isEqualTo(HASH);
    assertThat(bobHears.awaitOpen().peerId()).isEqualTo(alice.peerId());
    assertThat(aliceSide.negotiated().fast()).isTrue();
    assertThat(aliceSide.negotiated().extensionProtocol()).isTrue();
    assertThat(aliceSide.negotiated().dht()).isFalse(); // only Bob runs a DHT node

    assertThat(aliceHears.next()).isEqualTo(new HaveAll());
    assertThat(aliceHears.next()).isEqualTo(new Unchoke());
    Piece piece = (Piece) aliceHears.next();
    assertThat(piece.block()).isEqualTo(new BlockRequest(7, 16384, 16384));
    assertThat(piece.data()).isEqualTo(ByteBuffer.wrap(block));
    assertThat(bobHears.next()).isEqualTo(new Interested());
    assertThat(aliceSide.state()).isEqualTo(PeerConnection.State.OPEN);

    aliceSide.close(CloseReason.CLOSED_LOCALLY, "done");
    assertThat(aliceHears.awaitClosed().reason()).isEqualTo(CloseReason.CLOSED_LOCALLY);
    assertThat(bobHears.awaitClosed().reason()).isEqualTo(CloseReason.PEER_CLOSED);
    assertThat(bobSide.state()).isEqualTo(PeerConnection.State.CLOSED);
    assertThat(aliceSide.send(new Interested())).isFalse();
    assertThat(bobSide.bytesReceived()).isGreaterThan(Handshake.LENGTH);
  }

  @Test
  void refusesATorrentItDoesNotServe() throws Exception {
    Socket[] pair = sockets();
    RecordingListener bobHears = new RecordingListener();
    PeerConnection.accept(
        SocketTransport.of(pair[1]),
        bob,
        OTHER::equals,
        bobHears,
        ConnectionSettings.DEFAULTS,
        clock);
    RecordingListener aliceHears = new RecordingListener();
    connect(pair[0], alice, aliceHears);
    Closed closed = bobHears.awaitClosed();
    assertThat(closed.reason()).isEqualTo(CloseReason.UNKNOWN_INFO_HASH);
    assertThat(closed.detail()).isEqualTo("we do not serve " + HASH);
    assertThat(aliceHears.awaitClosed().reason())
        .isIn(CloseReason.PEER_CLOSED, CloseReason.IO_ERROR);
    assertThat(aliceHears.opened).isNotDone();
  }

  @Test
  void refusesAnAnswerForAnotherTorrent() throws Exception {
    Socket[] pair = sockets();
    RecordingListener aliceHears = new RecordingListener();
    connect(pair[0], alice, aliceHears);
    try (RawPeer peer = raw(pair[1])) {
      assertThat(peer.readHandshake().infoHash()).isEqualTo(HASH);
      peer.send(new Handshake(ReservedBits.NONE, OTHER, bob.peerId()).encode());
      assertThat(aliceHears.awaitClosed())
          .isEqualTo(
              new Closed(
                  CloseReason.INFO_HASH_MISMATCH,
                  "asked for " + HASH + ", the peer answered for " + OTHER));
    }
  }

  @Test
  void refusesToTalkToItself() throws Exception {
    Socket[] pair = sockets();
    RecordingListener one = new RecordingListener();
    RecordingListener two = new RecordingListener();
    accept(pair[1], alice, one);
    connect(pair[0], alice, two);
    assertThat(one.awaitClosed().reason()).isEqualTo(CloseReason.SELF_CONNECTION);
    assertThat(two.awaitClosed().reason())
        .isIn(CloseReason.SELF_CONNECTION, CloseReason.PEER_CLOSED, CloseReason.IO_ERROR);
  }

  @Test
  void cutsOffAPeerThatSendsGarbage() throws Exception {
    Socket[] pair = sockets();
    RecordingListener bobHears = new RecordingListener();
    accept(pair[1], bob, bobHears);
    try (RawPeer peer = raw(pair[0])) {
      peer.send("GET /announce HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(US_ASCII));
      assertThat(bobHears.awaitClosed())
          .isEqualTo(
              new Closed(CloseReason.BAD_HANDSHAKE, "not the BitTorrent protocol (first byte 71)"));
      assertThat(peer.readToEnd()).isEmpty();
    }
  }

  /** A raw peer that completed the handshake with a connection of Bob's. */
  private RawPeer handshaken(Socket[] pair, RecordingListener bobHears, ReservedBits reserved)
      throws Exception {
    accept(pair[1], bob, bobHears);
    RawPeer peer = raw(pair[0]);
    peer.send(new Handshake(reserved, HASH, alice.peerId()).encode());
    assertThat(peer.readHandshake().peerId()).isEqualTo(bob.peerId());
    bobHears.awaitOpen();
    return peer;
  }

  @Test
  void cutsOffAnOversizeMessageFromItsLengthPrefix() throws Exception {
    Socket[] pair = sockets();
    RecordingListener bobHears = new RecordingListener();
    try (RawPeer peer = handshaken(pair, bobHears, ReservedBits.ours(false))) {
      peer.send(Hex.decode("7fffffff14")); // and never the 2 GiB it announces
      Closed closed = bobHears.awaitClosed();
      assertThat(closed.reason()).isEqualTo(CloseReason.MESSAGE_TOO_LARGE);
      assertThat(closed.detail()).startsWith("message length 2147483647 is above the limit");
      peer.readToEnd();
    }
  }

  @Test
  void cutsOffMalformedMessagesAndUnnegotiatedOnes() throws Exception {
    Socket[] pair = sockets();
    RecordingListener bobHears = new RecordingListener();
    try (RawPeer peer = handshaken(pair, bobHears, ReservedBits.ours(false))) {
      peer.send(Hex.decode("000000030400ff"));
      assertThat(bobHears.awaitClosed())
          .isEqualTo(
              new Closed(CloseReason.MALFORMED_MESSAGE, "message id 4 has length 3, expected 5"));
    }
    Socket[] other = sockets();
    RecordingListener again = new RecordingListener();
    try (RawPeer peer = handshaken(other, again, ReservedBits.NONE)) {
      peer.send(new HaveAll());
      assertThat(again.awaitClosed().reason()).isEqualTo(CloseReason.PROTOCOL_VIOLATION);
    }
  }

  @Test
  void checksIndicesOnceThePieceCountIsKnown() throws Exception {
    Socket[] pair = sockets();
    RecordingListener bobHears = new RecordingListener((c, remote) -> c.pieceCount(8), null);
    try (RawPeer peer = handshaken(pair, bobHears, ReservedBits.ours(false))) {
      peer.send(new PeerMessage.Have(7));
      peer.send(new PeerMessage.Have(8));
      assertThat(bobHears.next()).isEqualTo(new PeerMessage.Have(7));
      assertThat(bobHears.awaitClosed())
          .isEqualTo(new Closed(CloseReason.MALFORMED_MESSAGE, "have for piece 8 of 8"));
    }
  }

  @Test
  void cutsOffASlowHandshake() throws Exception {
    Socket[] pair = sockets();
    RecordingListener bobHears = new RecordingListener();
    PeerConnection bobSide = accept(pair[1], bob, bobHears);
    try (RawPeer peer = raw(pair[0])) {
      peer.send(Arrays.copyOf(new Handshake(ReservedBits.NONE, HASH, alice.peerId()).encode(), 30));
      bobSide.tick();
      assertThat(bobSide.state()).isEqualTo(PeerConnection.State.HANDSHAKING);
      clock.advance(ConnectionSettings.DEFAULT_HANDSHAKE_TIMEOUT);
      bobSide.tick();
      assertThat(bobHears.awaitClosed().reason()).isEqualTo(CloseReason.HANDSHAKE_TIMEOUT);
      assertThat(peer.readToEnd()).isEmpty();
    }
  }

  @Test
  void cutsOffAPeerThatTricklesAMessageAndKeepsOthersAlive() throws Exception {
    Socket[] pair = sockets();
    RecordingListener bobHears = new RecordingListener();
    try (RawPeer peer = handshaken(pair, bobHears, ReservedBits.ours(false))) {
      PeerConnection bobSide = bobHears.connection();
      // One minute without sending: a keep-alive goes out.
      clock.advance(ConnectionSettings.DEFAULT_KEEP_ALIVE_INTERVAL);
      bobSide.tick();
      assertThat(peer.read(4)).isEqualTo(new byte[4]);
      // A whole message resets the idle timer; a part of one does not.
      peer.send(new PeerMessage.KeepAlive());
      assertThat(bobHears.next()).isEqualTo(new PeerMessage.KeepAlive());
      peer.send(Hex.decode("0000400907000000"));
      clock.advance(ConnectionSettings.DEFAULT_IDLE_TIMEOUT.minusSeconds(1));
      bobSide.tick();
      assertThat(bobSide.state()).isEqualTo(PeerConnection.State.OPEN);
      clock.advance(Duration.ofSeconds(1));
      bobSide.tick();
      assertThat(bobHears.awaitClosed().reason()).isEqualTo(CloseReason.IDLE_TIMEOUT);
    }
  }

  @Test
  void cutsOffAPeerThatDoesNotRead() throws Exception {
    Socket[] pair = sockets();
    RecordingListener bobHears = new RecordingListener();
    accept(pair[1], bob, bobHears);
    ByteBuffer block = ByteBuffer.wrap(new byte[PeerMessage.MAX_BLOCK_LENGTH]);
    try (RawPeer peer = raw(pair[0])) {
      peer.send(new Handshake(ReservedBits.NONE, HASH, alice.peerId()).encode());
      bobHears.awaitOpen();
      // The peer never reads: the socket buffers fill, then the queue, then Bob gives up.
      PeerConnection bobSide = bobHears.connection();
      int sent = 0;
      while (bobSide.send(new Piece(0, 0, block))) {
        sent++;
        if (sent % 64 == 0) {
          Thread.sleep(1);
        }
      }
      assertThat(bobHears.awaitClosed().reason()).isEqualTo(CloseReason.SEND_QUEUE_FULL);
      assertThat(sent).isGreaterThanOrEqualTo(ConnectionSettings.DEFAULT_SEND_QUEUE_CAPACITY);
    }
  }

  @Test
  void aListenerMayDisconnectWithAReasonAndItsBugsDoNotEscape() throws Exception {
    Socket[] pair = sockets();
    RecordingListener strict =
        new RecordingListener(
            null,
            (c, m) -> {
              throw new PeerWireException(CloseReason.PROTOCOL_VIOLATION, "no interest allowed");
            });
    try (RawPeer peer = handshaken(pair, strict, ReservedBits.NONE)) {
      peer.send(new Interested());
      assertThat(strict.awaitClosed())
          .isEqualTo(new Closed(CloseReason.PROTOCOL_VIOLATION, "no interest allowed"));
    }
    Socket[] other = sockets();
    RecordingListener buggy =
        new RecordingListener(
            null,
            (c, m) -> {
              throw new IllegalStateException("bug");
            });
    try (RawPeer peer = handshaken(other, buggy, ReservedBits.NONE)) {
      peer.send(new Interested());
      assertThat(buggy.awaitClosed())
          .isEqualTo(
              new Closed(CloseReason.INTERNAL_ERROR, "java.lang.IllegalStateException: bug"));
    }
  }
}
