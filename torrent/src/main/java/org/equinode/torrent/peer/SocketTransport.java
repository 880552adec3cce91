package org.equinode.torrent.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;

/**
 * A connected TCP socket as a {@link PeerTransport}. Nagle's algorithm is off ({@link
 * MessageWriter} already batches), and a read that blocks for {@link #READ_TIMEOUT} fails: a
 * backstop in case nobody calls {@link PeerConnection#tick()}.
 */
public final class SocketTransport implements PeerTransport {
  /** A read blocked this long fails with a timeout; well above {@link PeerConnection}'s own. */
  public static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

  private final Socket socket;
  private final InputStream input;
  private final OutputStream output;
  private final String description;

  private SocketTransport(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
    this.input = socket.getInputStream();
    this.output = socket.getOutputStream();
    this.description = String.valueOf(socket.getRemoteSocketAddress());
  }

  /**
   * Wraps a connected socket.
   *
   * @throws UncheckedIOException if the socket is closed or not connected
   */
  public static SocketTransport of(Socket socket) {
    try {
      return new SocketTransport(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use socket " + socket, e);
    }
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing left to do: the socket is unusable either way.
    }
  }

  @Override
  public String description() {
    return description;
  }
}
