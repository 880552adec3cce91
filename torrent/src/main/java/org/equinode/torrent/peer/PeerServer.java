package org.equinode.torrent.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * A TCP port that peers connect to. One virtual thread accepts; each accepted connection gets a
 * virtual thread of its own, in which the {@link Handler} runs (it may block there, for example on
 * an encryption handshake). Lives in this package because only the network rooms open sockets.
 */
public final class PeerServer implements AutoCloseable {
  /** The backlog of connections waiting to be accepted. */
  public static final int BACKLOG = 128;

  /** What to do with an accepted connection; runs on a virtual thread of its own. */
  @FunctionalInterface
  public interface Handler {
    /** A peer connected from {@code remote}; {@code transport} is the caller's to close. */
    void accepted(SocketTransport transport, InetSocketAddress remote);
  }

  private final ServerSocket socket;
  private final Handler handler;
  private final InetSocketAddress local;

  private PeerServer(ServerSocket socket, Handler handler) {
    this.socket = socket;
    this.handler = handler;
    this.local = (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /**
   * Listens on {@code address} (port 0 picks a free port) and starts accepting.
   *
   * @throws IOException if the address cannot be bound
   */
  public static PeerServer bind(InetSocketAddress address, Handler handler) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(address, BACKLOG);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    PeerServer server = new PeerServer(socket, handler);
    Thread.ofVirtual().name("peer-server " + server.local).start(server::acceptLoop);
    return server;
  }

  /** The address and port bound. */
  public InetSocketAddress localAddress() {
    return local;
  }

  /** Stops accepting; connections already handed out stay open. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closed either way.
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket accepted;
      try {
        accepted = socket.accept();
      } catch (SocketException e) {
        return; // closed
      } catch (IOException e) {
        continue; // one failed accept (the peer reset early): keep listening
      }
      InetSocketAddress remote = (InetSocketAddress) accepted.getRemoteSocketAddress();
      Thread.ofVirtual().name("peer-accepted " + remote).start(() -> handOver(accepted, remote));
    }
  }

  private void handOver(Socket accepted, InetSocketAddress remote) {
    SocketTransport transport;
    try {
      transport = SocketTransport.of(accepted);
    } catch (RuntimeException e) {
      closeQuietly(accepted);
      return;
    }
    try {
      handler.accepted(transport, remote);
    } catch (RuntimeException e) {
      transport.close();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing left to do.
    }
  }

  @Override
  public String toString() {
    return "PeerServer[" + local + "]";
  }
}
