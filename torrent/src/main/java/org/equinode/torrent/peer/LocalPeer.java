package org.equinode.torrent.peer;

/** Who we are in handshakes: our peer id and the reserved bits we set. */
public record LocalPeer(PeerId peerId, ReservedBits reserved) {}
