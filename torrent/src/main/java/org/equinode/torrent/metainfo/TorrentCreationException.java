package org.equinode.torrent.metainfo;

import org.equinode.torrent.TorrentException;

/** Local files that cannot be made into a torrent, or could not be read while hashing. */
public final class TorrentCreationException extends TorrentException {
  private static final long serialVersionUID = 1L;

  public TorrentCreationException(String message) {
    super(message);
  }

  public TorrentCreationException(String message, Throwable cause) {
    super(message, cause);
  }
}
