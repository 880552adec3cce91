package org.equinode.torrent.session;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.peer.BlockRequest;
import org.equinode.torrent.peer.Handshake;
import org.equinode.torrent.peer.MessageDecoder;
import org.equinode.torrent.peer.MessageReader;
import org.equinode.torrent.peer.PeerMessage;
import org.equinode.torrent.peer.ReservedBits;

/**
 * A seeder on a bare socket that misbehaves on purpose (the idea of Bitcoin Core's P2PInterface):
 * plain handshakes only (an MSE handshake is dropped, so the caller must fall back), no extensions,
 * a bitfield of the pieces it is given, unchoke at once, then it answers requests with the right
 * bytes, or wrong ones ({@link Mode#CORRUPT}), or vanishes after some blocks ({@link Mode#VANISH}).
 * It records which pieces were asked for.
 */
final class FakePeer implements AutoCloseable {
  enum Mode {
    HONEST,
    CORRUPT,
    VANISH
  }

  private final ServerSocket server;
  private final byte[] content;
  private final InfoDict info;
  private final BitSet has;
  private final Mode mode;
  private final int vanishAfterBlocks;
  private final AtomicInteger blocksSent = new AtomicInteger();
  final Set<Integer> requestedPieces = ConcurrentHashMap.newKeySet();
  final AtomicInteger connections = new AtomicInteger();
  final CountDownLatch vanished = new CountDownLatch(1);

  /** A connection that got past the handshake ended (a dropped MSE attempt does not count). */
  final CountDownLatch disconnected = new CountDownLatch(1);

  private FakePeer(
      ServerSocket server, byte[] content, InfoDict info, BitSet has, Mode mode, int n) {
    this.server = server;
    this.content = content;
    this.info = info;
    this.has = has;
    this.mode = mode;
    this.vanishAfterBlocks = n;
  }

  /** Serves the single file {@code file} of {@code info}: pieces {@code has}, in {@code mode}. */
  static FakePeer start(InfoDict info, Path file, BitSet has, Mode mode, int vanishAfterBlocks)
      throws IOException {
    ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    FakePeer peer =
        new FakePeer(server, Files.readAllBytes(file), info, has, mode, vanishAfterBlocks);
    Thread.ofVirtual().name("fake-peer").start(peer::acceptLoop);
    return peer;
  }

  static BitSet all(InfoDict info) {
    BitSet bits = new BitSet();
    bits.set(0, info.pieceCount());
    return bits;
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    boolean talked = false;
    try (socket) {
      socket.setSoTimeout(20_000);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      byte[] theirs = new byte[Handshake.LENGTH];
      in.readFully(theirs);
      Handshake.checkProtocol(java.util.Arrays.copyOf(theirs, Handshake.PROTOCOL_PREFIX_LENGTH));
      connections.incrementAndGet();
      talked = true;
      Handshake ours =
          new Handshake(
              ReservedBits.NONE,
              info.hash(),
              PeerId.of("-FK0001-fakefakefake".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      out.write(ours.encode());
      out.write(PeerMessage.encode(new PeerMessage.Bitfield(PieceSet.of(info.pieceCount(), has))));
      out.write(PeerMessage.encode(new PeerMessage.Unchoke()));
      out.flush();
      MessageReader reader =
          new MessageReader(in, MessageDecoder.initial().withPieceCount(info.pieceCount()));
      while (true) {
        if (reader.read() instanceof PeerMessage.Request request) {
          if (!answer(request.block(), out)) {
            return;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // The other side closed, or sent an MSE handshake (not spoken here): drop it.
    } finally {
      if (talked) {
        disconnected.countDown();
      }
    }
  }

  private boolean answer(BlockRequest block, OutputStream out) throws IOException {
    requestedPieces.add(block.piece());
    if (mode == Mode.VANISH && blocksSent.get() >= vanishAfterBlocks) {
      server.close();
      vanished.countDown();
      return false;
    }
    long start = (long) block.piece() * info.pieceLength() + block.begin();
    byte[] bytes = java.util.Arrays.copyOfRange(content, (int) start, (int) start + block.length());
    if (mode == Mode.CORRUPT) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] ^= 0x5a;
      }
    }
    out.write(
        PeerMessage.encode(
            new PeerMessage.Piece(block.piece(), block.begin(), ByteBuffer.wrap(bytes))));
    out.flush();
    blocksSent.incrementAndGet();
    return true;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
