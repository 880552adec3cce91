package org.equinode.torrent.dht;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.equinode.testing.TestClock;

/**
 * DHT nodes on an in-memory network with a test clock: packets queue up and {@link #settle}
 * delivers them (and fires timeouts by advancing the clock) until nothing moves.
 */
final class SimulatedNetwork {
  private static final class Packet {
    final InetSocketAddress from;
    final InetSocketAddress to;
    final byte[] bytes;

    Packet(InetSocketAddress from, InetSocketAddress to, byte[] bytes) {
      this.from = from;
      this.to = to;
      this.bytes = bytes;
    }
  }

  final TestClock clock = TestClock.fixed();
  final DhtSettings settings =
      DhtSettings.of(new InetSocketAddress(0), List.of())
          .withTimers(Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofMinutes(1));
  private final RandomGenerator random;
  private final Map<InetSocketAddress, DhtNode> nodes = new LinkedHashMap<>();
  private final Set<InetSocketAddress> dead = new HashSet<>();
  private final Queue<Packet> queue = new ArrayDeque<>();
  int delivered;

  SimulatedNetwork(RandomGenerator random) {
    this.random = random;
  }

  /** A new node at 10.0.i/256.i%256:6881 (a private address: any id is allowed). */
  DhtNode add() {
    int i = nodes.size() + 1;
    InetSocketAddress address;
    try {
      address =
          new InetSocketAddress(
              InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}), 6881);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    DhtNode node =
        new DhtNode(
            NodeId.random(random),
            settings,
            clock,
            random,
            (to, bytes) -> queue.add(new Packet(address, to, bytes)));
    nodes.put(address, node);
    return node;
  }

  InetSocketAddress addressOf(DhtNode node) {
    for (Map.Entry<InetSocketAddress, DhtNode> e : nodes.entrySet()) {
      if (e.getValue() == node) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("not on this network");
  }

  List<DhtNode> nodes() {
    return new ArrayList<>(nodes.values());
  }

  /** The node drops off the network: packets to it vanish. */
  void kill(DhtNode node) {
    dead.add(addressOf(node));
  }

  /** Delivers every packet and fires timeouts, until quiet (bounded). */
  void settle() {
    for (int round = 0; round < 200; round++) {
      while (!queue.isEmpty()) {
        Packet p = queue.remove();
        DhtNode to = nodes.get(p.to);
        if (to != null && !dead.contains(p.to)) {
          delivered++;
          to.receive(p.from, p.bytes);
        }
      }
      clock.advance(settings.queryTimeout());
      for (DhtNode node : nodes.values()) {
        node.tick();
      }
      if (queue.isEmpty()) {
        return;
      }
    }
    throw new AssertionError("the network never settled");
  }
}
