package org.equinode.torrent.swarm;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rechoke decided.
 *
 * @param unchoke peers to send {@code unchoke} (choked now, to be unchoked)
 * @param choke peers to send {@code choke} (unchoked now, to be choked)
 * @param unchoked every peer that is unchoked once those messages are sent
 * @param optimistic the optimistic unchoke among them, if any
 */
public record ChokeDecision(
    Set<ConnectionId> unchoke,
    Set<ConnectionId> choke,
    Set<ConnectionId> unchoked,
    Optional<ConnectionId> optimistic) {
  public ChokeDecision {
    unchoke = sorted(unchoke);
    choke = sorted(choke);
    unchoked = sorted(unchoked);
  }

  private static Set<ConnectionId> sorted(Set<ConnectionId> peers) {
    return Collections.unmodifiableSet(new TreeSet<>(peers));
  }
}
