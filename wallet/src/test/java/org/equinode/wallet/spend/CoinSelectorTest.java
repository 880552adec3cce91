package org.equinode.wallet.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class CoinSelectorTest {
  private static long sum(long[] values, CoinSelector.Choice choice) {
    return choice.indices().stream().mapToLong(i -> values[i]).sum();
  }

  @Test
  void branchAndBoundFindsAnExactMatch() {
    long[] values = {5, 3, 2, 7};
    CoinSelector.Choice choice = CoinSelector.select(values, 10, 0, 100).orElseThrow();
    assertThat(choice.changeless()).isTrue();
    assertThat(sum(values, choice)).isEqualTo(10);
  }

  @Test
  void branchAndBoundAcceptsAnExcessBelowTheCostOfChange() {
    long[] values = {60, 45, 30};
    CoinSelector.Choice choice = CoinSelector.select(values, 74, 2, 100).orElseThrow();
    assertThat(choice.changeless()).isTrue();
    assertThat(sum(values, choice)).isEqualTo(75);
  }

  @Test
  void withoutAMatchLargestFirstLeavesChange() {
    long[] values = {4, 10};
    CoinSelector.Choice choice = CoinSelector.select(values, 5, 1, 2).orElseThrow();
    assertThat(choice.changeless()).isFalse();
    assertThat(choice.indices()).containsExactly(1);
  }

  @Test
  void whenChangeIsNotWorthItEverythingGoes() {
    long[] values = {4, 3};
    CoinSelector.Choice choice = CoinSelector.select(values, 6, 0, 5).orElseThrow();
    assertThat(choice.indices()).containsExactly(0, 1);
  }

  @Test
  void coinsThatCostMoreThanTheyHoldAreNeverChosen() {
    long[] values = {-5, 0, 3};
    assertThat(CoinSelector.select(values, 4, 0, 0)).isEmpty();
    assertThat(CoinSelector.select(values, 3, 0, 0).orElseThrow().indices()).containsExactly(2);
  }

  @Test
  void notEnough() {
    assertThat(CoinSelector.select(new long[] {1, 2}, 10, 5, 5)).isEmpty();
    assertThat(CoinSelector.select(new long[0], 1, 0, 0)).isEmpty();
  }

  @Test
  void randomPoolsAlwaysCoverTheTarget() {
    RandomGenerator random = SeededRandom.of(99);
    for (int round = 0; round < 300; round++) {
      long[] values = new long[1 + random.nextInt(40)];
      for (int i = 0; i < values.length; i++) {
        values[i] = 1 + random.nextLong(1_000_000);
      }
      long total = Arrays.stream(values).sum();
      long target = 1 + random.nextLong(total + total / 10);
      long costOfChange = random.nextLong(5_000);
      Optional<CoinSelector.Choice> choice =
          CoinSelector.select(values, target, costOfChange, costOfChange + 1_000);
      if (target > total) {
        assertThat(choice).as("round %d", round).isEmpty();
        continue;
      }
      assertThat(choice).as("round %d", round).isPresent();
      long sum = sum(values, choice.get());
      assertThat(sum).as("round %d", round).isGreaterThanOrEqualTo(target);
      assertThat(choice.get().indices()).doesNotHaveDuplicates();
      if (choice.get().changeless()) {
        assertThat(sum).as("round %d", round).isLessThanOrEqualTo(target + costOfChange);
      }
    }
  }
}
