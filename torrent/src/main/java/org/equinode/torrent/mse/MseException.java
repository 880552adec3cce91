package org.equinode.torrent.mse;

import org.equinode.torrent.TorrentException;

/** An MSE handshake that failed: the peer broke the protocol, or offered nothing we accept. */
public final class MseException extends TorrentException {
  private static final long serialVersionUID = 1L;

  public MseException(String message) {
    super(message);
  }
}
