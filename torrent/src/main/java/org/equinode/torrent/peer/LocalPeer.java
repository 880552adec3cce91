package org.equinode.torrent.peer;

import org.equinode.torrent.PeerId;

/** Who we are in handshakes: our peer id and the reserved bits we set. */
public record LocalPeer(PeerId peerId, ReservedBits reserved) {}
