package org.equinode.torrent.swarm;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.equinode.torrent.PieceSet;

/** What the picker knows of one peer: the pieces it has and the blocks requested from it. */
final class PeerPieces {
  final ConnectionId id;
  private final BitSet has;
  private int count;
  private boolean seed;
  final Set<BlockRequest> outstanding = new LinkedHashSet<>();

  PeerPieces(ConnectionId id, PieceSet has) {
    this.id = id;
    this.seed = has.isFull();
    this.has = seed ? new BitSet() : has.toBitSet();
    this.count = seed ? has.size() : has.count();
  }

  boolean isSeed() {
    return seed;
  }

  boolean has(int piece) {
    return seed || has.get(piece);
  }

  /** The pieces of a peer that is not a seed. */
  BitSet pieces() {
    return has;
  }

  /** Records {@code piece}; true if it was new. */
  boolean add(int piece) {
    if (has(piece)) {
      return false;
    }
    has.set(piece);
    count++;
    return true;
  }

  int count() {
    return count;
  }

  /** Forgets the piece list once the peer has every piece: it counts as a seed from then on. */
  void becomeSeed() {
    seed = true;
    has.clear();
  }
}
