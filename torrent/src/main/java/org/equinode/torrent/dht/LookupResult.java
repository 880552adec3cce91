package org.equinode.torrent.dht;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What an iterative lookup found: the peers ({@code get_peers} only) and the closest nodes that
 * answered, each with the token it gave (an {@code announce_peer} goes to those).
 */
public record LookupResult(List<InetSocketAddress> peers, List<Reached> closest, int queries) {
  /** A node that answered, with its token when it gave one. */
  public record Reached(NodeInfo node, java.util.Optional<Token> token) {}

  public LookupResult {
    peers = List.copyOf(peers);
    closest = List.copyOf(closest);
  }
}
