package org.equinode.torrent.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Opens TCP connections to peers. Lives in this package because only network rooms open sockets.
 */
public final class PeerDialer {
  private PeerDialer() {}

  /**
   * Connects to {@code address}, waiting at most {@code timeout}, and wraps the socket.
   *
   * @throws IOException if the peer cannot be reached in time
   */
  public static SocketTransport connect(InetSocketAddress address, Duration timeout)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(address, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
      return SocketTransport.of(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }
}
