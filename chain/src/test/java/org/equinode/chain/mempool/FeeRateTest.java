package org.equinode.chain.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equinode.chain.Amount;
import org.junit.jupiter.api.Test;

class FeeRateTest {
  @Test
  void isTheFeeOverTheSizeInThousandthsOfAUnitPerByte() {
    assertThat(FeeRate.of(Amount.ofUnits(1_000), 184)).isEqualTo(new FeeRate(5_434));
    assertThat(FeeRate.of(Amount.ofUnits(1_000), 184).toString()).isEqualTo("5.434 units/B");
    assertThat(FeeRate.perByte(2)).isEqualTo(new FeeRate(2_000));
    assertThat(FeeRate.of(Amount.ofUnits(Amount.MAX_MONEY), 1).unitsPerKb())
        .isEqualTo(FeeRate.MAX_UNITS_PER_KB);
  }

  @Test
  void feeForRoundsUpAndSaturates() {
    assertThat(new FeeRate(1_500).feeFor(3)).isEqualTo(Amount.ofUnits(5));
    assertThat(new FeeRate(1_000).feeFor(184)).isEqualTo(Amount.ofUnits(184));
    assertThat(new FeeRate(FeeRate.MAX_UNITS_PER_KB).feeFor(100_000))
        .isEqualTo(Amount.ofUnits(Amount.MAX_MONEY));
  }

  @Test
  void isPaidByExactlyTheRateAndNotOneUnitLess() {
    FeeRate rate = FeeRate.perByte(1);
    assertThat(rate.isPaidBy(Amount.ofUnits(184), 184)).isTrue();
    assertThat(rate.isPaidBy(Amount.ofUnits(183), 184)).isFalse();
  }

  @Test
  void comparesFractionsExactlyEvenWhereProductsOverflowALong() {
    assertThat(FeeRate.compare(1, 3, 333, 1_000)).isPositive();
    assertThat(FeeRate.compare(2, 6, 1, 3)).isZero();
    long big = Amount.MAX_MONEY * 25;
    assertThat(FeeRate.compare(big, 2_500_001, big - 1, 2_500_001)).isPositive();
    assertThat(FeeRate.compare(big, 2_500_000, big, 2_500_001)).isPositive();
    assertThatThrownBy(() -> FeeRate.compare(1, 0, 1, 1)).isInstanceOf(MempoolException.class);
  }

  @Test
  void refusesRatesOutOfRange() {
    assertThatThrownBy(() -> new FeeRate(-1)).isInstanceOf(MempoolException.class);
    assertThatThrownBy(() -> FeeRate.of(Amount.ofUnits(1), 0))
        .hasMessage("a fee rate needs a size of at least 1 byte, got 0");
  }
}
