package org.equinode.torrent.peer;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A peer on a bare socket that sends whatever a test says, well-formed or not (the idea of Bitcoin
 * Core's P2PInterface). Reads time out after 10 s so a test never hangs.
 */
final class RawPeer implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawPeer(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** A pair of connected loopback sockets: the first is ours, the second the peer's. */
  static Socket[] pair() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
      return new Socket[] {client, server.accept()};
    }
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void send(PeerMessage message) throws IOException {
    send(PeerMessage.encode(message));
  }

  byte[] read(int count) throws IOException {
    byte[] bytes = new byte[count];
    in.readFully(bytes);
    return bytes;
  }

  Handshake readHandshake() throws IOException {
    return Handshake.decode(read(Handshake.LENGTH));
  }

  /** Reads until the other side closes; what arrived. */
  byte[] readToEnd() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    InputStream stream = in;
    byte[] buffer = new byte[8192];
    try {
      for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
        all.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection was not closed", e);
    } catch (IOException e) {
      // a reset also means closed
    }
    return all.toByteArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
