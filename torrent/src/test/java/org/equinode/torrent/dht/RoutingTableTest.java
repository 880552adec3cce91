package org.equinode.torrent.dht;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
  private final RandomGenerator random = SeededRandom.of(3);
  private final NodeId own = NodeId.of(new byte[20]);
  private int port = 1000;

  private NodeInfo node(NodeId id) {
    return new NodeInfo(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), port++));
  }

  /** An id whose first bit is 1: it never shares a prefix with our all-zero id. */
  private NodeId far() {
    byte[] b = NodeId.random(random).bytes();
    b[0] |= (byte) 0x80;
    return NodeId.of(b);
  }

  @Test
  void splitsOnlyTheBucketOfItsOwnId() {
    RoutingTable table = new RoutingTable(own);
    for (int i = 0; i < 100; i++) {
      table.insert(node(far()), 0);
    }
    assertThat(table.size()).isEqualTo(RoutingTable.K);
    assertThat(table.bucketCount()).isEqualTo(2);
    for (int i = 0; i < 2000; i++) {
      table.insert(node(NodeId.random(random)), 0);
    }
    assertThat(table.bucketCount()).isBetween(8, 14);
    assertThat(table.size()).isLessThanOrEqualTo(table.bucketCount() * RoutingTable.K);
    assertThat(table.insert(node(own), 0)).isInstanceOf(RoutingTable.Insertion.Dropped.class);
  }

  @Test
  void aFullBucketAsksToPingAQuestionableNodeBeforeReplacingIt() {
    RoutingTable table = new RoutingTable(own);
    long start = 0;
    NodeInfo first = node(far());
    table.insert(first, start);
    for (int i = 1; i < RoutingTable.K; i++) {
      table.insert(node(far()), start + i);
    }
    // Fill and split once so the far bucket is a non-splittable one.
    byte[] near = new byte[20];
    near[19] = 1;
    table.insert(node(NodeId.of(near)), start);
    NodeInfo newcomer = node(far());
    assertThat(table.insert(newcomer, start + 10))
        .isInstanceOf(RoutingTable.Insertion.Dropped.class);

    long later = start + RoutingTable.QUESTIONABLE_AFTER.toNanos() + 1;
    RoutingTable.Insertion asked = table.insert(newcomer, later);
    assertThat(asked).isEqualTo(new RoutingTable.Insertion.PingFirst(first));
    assertThat(table.questionable(later)).contains(first);

    // It answers: it stays, the newcomer waits.
    assertThat(table.insert(first, later)).isInstanceOf(RoutingTable.Insertion.Refreshed.class);
    assertThat(table.contains(newcomer.id())).isFalse();

    // Later it fails twice: the waiting newcomer takes its place.
    long muchLater = later + 2 * RoutingTable.QUESTIONABLE_AFTER.toNanos();
    assertThat(table.insert(newcomer, muchLater))
        .isInstanceOf(RoutingTable.Insertion.PingFirst.class);
    NodeId victim =
        ((RoutingTable.Insertion.PingFirst) table.insert(newcomer, muchLater)).questionable().id();
    table.failed(victim, muchLater);
    table.failed(victim, muchLater);
    assertThat(table.contains(victim)).isFalse();
    assertThat(table.contains(newcomer.id())).isTrue();
  }

  @Test
  void closestAreOrderedByDistanceAndSkipBadNodes() {
    RoutingTable table = new RoutingTable(own);
    for (int i = 0; i < 200; i++) {
      table.insert(node(NodeId.random(random)), 0);
    }
    NodeId target = NodeId.random(random);
    var closest = table.closest(target, 8);
    assertThat(closest).hasSize(8);
    for (int i = 1; i < closest.size(); i++) {
      assertThat(target.compareDistance(closest.get(i - 1).id(), closest.get(i).id())).isNegative();
    }
    NodeId bad = closest.get(0).id();
    table.failed(bad, 0);
    table.failed(bad, 0);
    assertThat(table.closest(target, 8)).extracting(NodeInfo::id).doesNotContain(bad);
    assertThat(Duration.ofNanos(1)).isPositive();
  }
}
