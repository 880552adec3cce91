package org.equinode.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllocationBoundTest {
  private static final byte[] TEN_BYTES = new byte[10];

  @Test
  void aCallWithinBudgetReturnsItsResult() {
    assertThat(AllocationBound.check(TEN_BYTES, () -> new byte[100].length)).isEqualTo(100);
  }

  @Test
  void theBudgetGrowsWithTheInput() {
    assertThat(AllocationBound.budget(1000))
        .isEqualTo(AllocationBound.BASE_BYTES + 1000 * AllocationBound.BYTES_PER_INPUT_BYTE);
  }

  @Test
  void aCallThatTrustsAClaimedLengthFails() {
    int claimed = 8 << 20;
    assertThatThrownBy(() -> AllocationBound.check(TEN_BYTES, () -> new byte[claimed].length))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("decoding 10 bytes allocated ")
        .hasMessageEndingWith(" bytes, over the budget of " + AllocationBound.budget(10));
  }

  @Test
  void aRefusalWithinBudgetPassesThrough() {
    assertThatThrownBy(
            () ->
                AllocationBound.check(
                    TEN_BYTES,
                    () -> {
                      throw new IllegalStateException("refused");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("refused");
  }

  @Test
  void aRefusalAfterAllocatingTooMuchStillFails() {
    int claimed = 8 << 20;
    assertThatThrownBy(
            () ->
                AllocationBound.check(
                    TEN_BYTES,
                    () -> {
                      byte[] buffer = new byte[claimed];
                      throw new IllegalStateException("refused after " + buffer.length);
                    }))
        .isInstanceOf(AssertionError.class);
  }
}
