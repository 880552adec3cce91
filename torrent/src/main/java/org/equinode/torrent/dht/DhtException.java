package org.equinode.torrent.dht;

import org.equinode.torrent.TorrentException;

/** Something the DHT refuses: a malformed KRPC message, or a DHT that cannot start. */
public class DhtException extends TorrentException {
  private static final long serialVersionUID = 1L;

  public DhtException(String message) {
    super(message);
  }

  public DhtException(String message, Throwable cause) {
    super(message, cause);
  }
}
