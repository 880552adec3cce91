package org.equinode.torrent.peer.extension;

import java.net.InetSocketAddress;

/** A peer a peer exchange message adds: an IP address with a port, and its flags. */
public record PexPeer(InetSocketAddress address, PexFlags flags) {
  public PexPeer {
    CompactPeers.check(address);
  }
}
