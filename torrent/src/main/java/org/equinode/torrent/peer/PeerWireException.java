package org.equinode.torrent.peer;

import org.equinode.torrent.TorrentException;

/**
 * Bytes from a peer that break the wire protocol. {@link #reason()} is what the connection should
 * be closed with; the message says what was wrong and where.
 */
public final class PeerWireException extends TorrentException {
  private static final long serialVersionUID = 1L;

  private final CloseReason reason;

  public PeerWireException(CloseReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The reason to disconnect the peer with. */
  public CloseReason reason() {
    return reason;
  }
}
