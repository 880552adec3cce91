package org.equinode.torrent.session;

import org.equinode.torrent.TorrentException;

/** A session cannot run: its port cannot be bound, its state folder cannot be used. */
public final class SessionException extends TorrentException {
  private static final long serialVersionUID = 1L;

  public SessionException(String message) {
    super(message);
  }

  public SessionException(String message, Throwable cause) {
    super(message, cause);
  }
}
