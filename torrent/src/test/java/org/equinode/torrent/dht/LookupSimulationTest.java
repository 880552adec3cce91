package org.equinode.torrent.dht;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.Test;

/** Fifty nodes on an in-memory network with a test clock: bootstrap, lookups, announces. */
class LookupSimulationTest {
  private static final int NODES = 50;

  private SimulatedNetwork bootstrapped(long seed) {
    SimulatedNetwork net = new SimulatedNetwork(SeededRandom.of(seed));
    for (int i = 0; i < NODES; i++) {
      net.add();
    }
    List<DhtNode> nodes = net.nodes();
    InetSocketAddress first = net.addressOf(nodes.get(0));
    for (DhtNode node : nodes.subList(1, NODES)) {
      var unused = node.bootstrap(List.of(first));
      net.settle();
    }
    return net;
  }

  @Test
  void findNodeConvergesOnTheTrueClosest() throws Exception {
    SimulatedNetwork net = bootstrapped(11);
    List<DhtNode> nodes = net.nodes();
    var random = SeededRandom.of(99);
    for (int trial = 0; trial < 10; trial++) {
      NodeId target = NodeId.random(random);
      DhtNode asker = nodes.get(random.nextInt(NODES));
      CompletableFuture<LookupResult> found = asker.findNode(target);
      net.settle();
      assertThat(found).isDone();
      List<NodeId> expected =
          nodes.stream()
              .map(DhtNode::id)
              .filter(id -> !id.equals(asker.id()))
              .sorted((a, b) -> target.compareDistance(a, b))
              .limit(RoutingTable.K)
              .toList();
      assertThat(found.get().closest())
          .extracting(r -> r.node().id())
          .containsExactlyElementsOf(expected);
      assertThat(found.get().queries()).isLessThanOrEqualTo(Lookup.MAX_QUERIES);
    }
    assertThat(nodes.stream().mapToInt(DhtNode::tableSize).min().orElseThrow())
        .isGreaterThanOrEqualTo(RoutingTable.K);
  }

  @Test
  void aPeerAnnouncedByOneNodeIsFoundByAnother() throws Exception {
    SimulatedNetwork net = bootstrapped(12);
    List<DhtNode> nodes = net.nodes();
    InfoHash hash = InfoHash.of(NodeId.random(SeededRandom.of(5)).bytes());
    CompletableFuture<LookupResult> announced = nodes.get(7).announce(hash, 7777);
    net.settle();
    assertThat(announced).isDone();
    assertThat(announced.get().closest()).hasSize(RoutingTable.K);
    assertThat(nodes.stream().mapToInt(DhtNode::storedTorrents).sum()).isEqualTo(RoutingTable.K);

    CompletableFuture<LookupResult> found = nodes.get(42).getPeers(hash);
    net.settle();
    InetSocketAddress expected =
        new InetSocketAddress(net.addressOf(nodes.get(7)).getAddress(), 7777);
    assertThat(found.get().peers()).containsExactly(expected);
  }

  @Test
  void lookupsEndWhenNodesAreDeadAndAnnounceReachesTheLiving() throws Exception {
    SimulatedNetwork net = bootstrapped(13);
    List<DhtNode> nodes = net.nodes();
    InfoHash hash = InfoHash.of(NodeId.random(SeededRandom.of(6)).bytes());
    NodeId target = NodeId.of(hash);
    // The five nodes closest to the info-hash die.
    List<DhtNode> byDistance =
        nodes.stream().sorted(Comparator.comparing(DhtNode::id, target::compareDistance)).toList();
    byDistance.subList(0, 5).forEach(net::kill);
    CompletableFuture<LookupResult> announced = byDistance.get(NODES - 1).announce(hash, 4000);
    net.settle();
    CompletableFuture<LookupResult> found = byDistance.get(NODES - 2).getPeers(hash);
    net.settle();
    assertThat(found).isDone();
    assertThat(found.get().peers()).hasSize(1);
    assertThat(announced.get().closest()).hasSize(RoutingTable.K);
  }
}
