package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class RarityOrderTest {
  @Test
  void keepsBucketsSortedThroughRandomOperations() {
    RandomGenerator random = SeededRandom.of(42);
    int pieces = 40;
    RarityOrder order = new RarityOrder(pieces);
    int[] availability = new int[pieces];
    Set<Integer> members = new HashSet<>();
    for (int step = 0; step < 20_000; step++) {
      int piece = random.nextInt(pieces);
      switch (random.nextInt(4)) {
        case 0 -> {
          if (members.add(piece)) {
            order.add(piece);
          }
        }
        case 1 -> {
          if (members.remove(piece)) {
            order.remove(piece);
          }
        }
        case 2 -> {
          availability[piece]++;
          order.increment(piece);
        }
        default -> {
          if (availability[piece] > 0) {
            availability[piece]--;
            order.decrement(piece);
          }
        }
      }
      check(order, availability, members);
    }
  }

  private static void check(RarityOrder order, int[] availability, Set<Integer> members) {
    assertThat(order.size()).isEqualTo(members.size());
    Set<Integer> seen = new HashSet<>();
    for (int bucket = 0; bucket < order.bucketCount(); bucket++) {
      for (int i = order.bucketStart(bucket); i < order.bucketEnd(bucket); i++) {
        int piece = order.pieceAt(i);
        assertThat(availability[piece]).isEqualTo(bucket);
        assertThat(seen.add(piece)).isTrue();
      }
    }
    assertThat(seen).isEqualTo(members);
    for (int piece = 0; piece < availability.length; piece++) {
      assertThat(order.availability(piece)).isEqualTo(availability[piece]);
      assertThat(order.contains(piece)).isEqualTo(members.contains(piece));
    }
  }
}
