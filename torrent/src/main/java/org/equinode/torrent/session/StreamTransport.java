package org.equinode.torrent.session;

import java.io.InputStream;
import java.io.OutputStream;
import org.equinode.torrent.peer.PeerTransport;

/**
 * A transport whose streams were replaced (by an MSE handshake's, or to push back bytes already
 * read), closed through the transport underneath.
 */
final class StreamTransport implements PeerTransport {
  private final PeerTransport base;
  private final InputStream in;
  private final OutputStream out;
  private final String description;

  StreamTransport(PeerTransport base, InputStream in, OutputStream out, String label) {
    this.base = base;
    this.in = in;
    this.out = out;
    this.description = base.description() + label;
  }

  @Override
  public InputStream input() {
    return in;
  }

  @Override
  public OutputStream output() {
    return out;
  }

  @Override
  public void close() {
    base.close();
  }

  @Override
  public String description() {
    return description;
  }
}
