package org.equinode.torrent;

/**
 * The root of every error the torrent module throws: bytes or text that break a BitTorrent format,
 * or a torrent that cannot be made from local files. Subclasses name the rule that was broken.
 */
public class TorrentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TorrentException(String message) {
    super(message);
  }

  public TorrentException(String message, Throwable cause) {
    super(message, cause);
  }
}
