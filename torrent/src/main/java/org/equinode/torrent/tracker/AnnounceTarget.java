package org.equinode.torrent.tracker;

import org.equinode.torrent.PeerId;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * Who announces what, the same on every announce of a session: the torrent, the client's peer id,
 * the TCP port it accepts peers on, and its {@code key} (random, at least 32 bits, kept for the
 * session so that trackers can recognise the client across addresses; BEP 7).
 */
public record AnnounceTarget(InfoHash infoHash, PeerId peerId, int port, int key) {
  private static final int MAX_PORT = 65_535;

  public AnnounceTarget {
    if (port < 1 || port > MAX_PORT) {
      throw new IllegalArgumentException("port " + port + " is outside 1.." + MAX_PORT);
    }
  }
}
