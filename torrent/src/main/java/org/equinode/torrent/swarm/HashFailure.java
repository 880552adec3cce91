package org.equinode.torrent.swarm;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A piece that failed its hash check, with the peers that sent its blocks and how many each sent.
 * Its blocks are open again. When one peer sent the whole piece it is the culprit ({@link
 * #soleContributor()}); otherwise any of them may be, and the session can count strikes per peer
 * (libtorrent bans the sole contributor and distrusts the others).
 */
public record HashFailure(int piece, Map<ConnectionId, Integer> blocksByPeer) {
  public HashFailure {
    if (blocksByPeer.isEmpty()) {
      throw new IllegalArgumentException("a failed piece has contributors");
    }
    blocksByPeer = Collections.unmodifiableMap(new TreeMap<>(blocksByPeer));
  }

  /** Every peer that sent a block of the piece, in id order. */
  public Set<ConnectionId> contributors() {
    return blocksByPeer.keySet();
  }

  /** The one peer that sent every block, if only one did. */
  public Optional<ConnectionId> soleContributor() {
    return blocksByPeer.size() == 1
        ? Optional.of(blocksByPeer.keySet().iterator().next())
        : Optional.empty();
  }
}
