package org.equinode.torrent.magnet;

import org.equinode.torrent.TorrentException;

/** Text that is not a usable magnet link; the message says which parameter is at fault. */
public final class InvalidMagnetException extends TorrentException {
  private static final long serialVersionUID = 1L;

  public InvalidMagnetException(String message) {
    super(message);
  }

  public InvalidMagnetException(String message, Throwable cause) {
    super(message, cause);
  }
}
