package org.equinode.torrent.swarm;

/** A block requested from one peer: what the session cancels or sends again. */
public record PeerRequest(ConnectionId peer, BlockRequest block) {}
