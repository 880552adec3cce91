package org.equinode.torrent.metainfo;

import org.equinode.torrent.TorrentException;

/**
 * A {@code .torrent} file or info dictionary that breaks a metainfo rule; the message says which.
 */
public class InvalidMetainfoException extends TorrentException {
  private static final long serialVersionUID = 1L;

  public InvalidMetainfoException(String message) {
    super(message);
  }

  public InvalidMetainfoException(String message, Throwable cause) {
    super(message, cause);
  }
}
