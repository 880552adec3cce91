package org.equinode.torrent.dht;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * One iterative lookup (BEP 5, Kademlia): ask the {@link #ALPHA} closest nodes not yet asked for
 * nodes closer to the target (and, for {@code get_peers}, peers), merge what they name, and stop
 * once the {@link RoutingTable#K} closest nodes still in the running have all answered, nothing is
 * left to ask, or {@link #MAX_QUERIES} were sent. Runs under its {@link DhtNode}'s lock; queries go
 * out and answers (or timeouts) come back through {@link Sender}.
 */
final class Lookup {
  /** Queries in flight at once. */
  static final int ALPHA = 3;

  /** Candidates kept at most (the closest; farther ones are dropped). */
  static final int MAX_CANDIDATES = 64;

  /** Queries one lookup sends at most. */
  static final int MAX_QUERIES = 128;

  /** Peers one lookup collects at most. */
  static final int MAX_PEERS = 1000;

  /** How a lookup sends a query; {@code done} gets the reply, or empty on timeout or error. */
  interface Sender {
    void query(NodeInfo to, Query query, Consumer<Optional<Response>> done);
  }

  private enum State {
    NEW,
    ASKED,
    ANSWERED,
    FAILED
  }

  private static final class Candidate {
    final NodeInfo node;
    State state = State.NEW;
    Optional<Token> token = Optional.empty();

    Candidate(NodeInfo node) {
      this.node = node;
    }
  }

  private final NodeId own;
  private final NodeId target;
  private final Optional<InfoHash> infoHash;
  private final Sender sender;
  private final Consumer<LookupResult> finished;
  private final List<Candidate> candidates = new ArrayList<>();
  private final Set<InetSocketAddress> seen = new HashSet<>();
  private final Set<InetSocketAddress> peers = new LinkedHashSet<>();
  private int inFlight;
  private int queries;
  private boolean done;

  private Lookup(
      NodeId own,
      NodeId target,
      Optional<InfoHash> infoHash,
      Sender sender,
      Consumer<LookupResult> finished) {
    this.own = own;
    this.target = target;
    this.infoHash = infoHash;
    this.sender = sender;
    this.finished = finished;
  }

  /** A {@code find_node} lookup for {@code target}, started from {@code start}. */
  static Lookup findNode(
      NodeId own,
      NodeId target,
      List<NodeInfo> start,
      Sender sender,
      Consumer<LookupResult> finished) {
    Lookup lookup = new Lookup(own, target, Optional.empty(), sender, finished);
    lookup.begin(start);
    return lookup;
  }

  /** A {@code get_peers} lookup for {@code infoHash}, started from {@code start}. */
  static Lookup getPeers(
      NodeId own,
      InfoHash infoHash,
      List<NodeInfo> start,
      Sender sender,
      Consumer<LookupResult> finished) {
    Lookup lookup = new Lookup(own, NodeId.of(infoHash), Optional.of(infoHash), sender, finished);
    lookup.begin(start);
    return lookup;
  }

  private void begin(List<NodeInfo> start) {
    start.forEach(this::consider);
    step();
  }

  private void consider(NodeInfo node) {
    if (!node.reachable() || node.id().equals(own) || !seen.add(node.address())) {
      return;
    }
    int at = 0;
    while (at < candidates.size()
        && target.compareDistance(candidates.get(at).node.id(), node.id()) <= 0) {
      at++;
    }
    if (at >= MAX_CANDIDATES) {
      return;
    }
    candidates.add(at, new Candidate(node));
    if (candidates.size() > MAX_CANDIDATES) {
      candidates.remove(candidates.size() - 1);
    }
  }

  private void step() {
    if (done) {
      return;
    }
    int live = 0;
    boolean allAnswered = true;
    for (Candidate c : candidates) {
      if (live >= RoutingTable.K) {
        break;
      }
      if (c.state == State.FAILED) {
        continue;
      }
      live++;
      if (c.state == State.ANSWERED) {
        continue;
      }
      allAnswered = false;
      if (c.state == State.NEW && inFlight < ALPHA && queries < MAX_QUERIES) {
        ask(c);
      }
    }
    if (inFlight == 0 && (allAnswered || queries >= MAX_QUERIES || !anyNew())) {
      finish();
    }
  }

  private boolean anyNew() {
    return candidates.stream().anyMatch(c -> c.state == State.NEW);
  }

  private void ask(Candidate c) {
    c.state = State.ASKED;
    inFlight++;
    queries++;
    Query query =
        infoHash.isPresent()
            ? new Query.GetPeers(own, infoHash.get())
            : new Query.FindNode(own, target);
    sender.query(c.node, query, reply -> answered(c, reply));
  }

  private void answered(Candidate c, Optional<Response> reply) {
    inFlight--;
    if (reply.isEmpty()) {
      c.state = State.FAILED;
    } else {
      Response r = reply.get();
      c.state = State.ANSWERED;
      c.token = r.token();
      for (InetSocketAddress peer : r.values()) {
        if (peers.size() < MAX_PEERS && peer.getPort() != 0) {
          peers.add(peer);
        }
      }
      r.nodes().forEach(this::consider);
    }
    step();
  }

  private void finish() {
    done = true;
    List<LookupResult.Reached> closest = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.state == State.ANSWERED && closest.size() < RoutingTable.K) {
        closest.add(new LookupResult.Reached(c.node, c.token));
      }
    }
    finished.accept(new LookupResult(new ArrayList<>(peers), closest, queries));
  }
}
