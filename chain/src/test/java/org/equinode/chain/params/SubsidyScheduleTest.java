package org.equinode.chain.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equinode.chain.Amount;
import org.equinode.chain.ChainException;
import org.junit.jupiter.api.Test;

class SubsidyScheduleTest {
  private final SubsidySchedule schedule = ChainParams.SUBSIDY;

  @Test
  void halvesByRightShiftEveryInterval() {
    assertThat(schedule.at(0)).isEqualTo(Amount.ofEq(50));
    assertThat(schedule.at(209_999)).isEqualTo(Amount.ofEq(50));
    assertThat(schedule.at(210_000)).isEqualTo(Amount.ofEq(25));
    assertThat(schedule.at(420_000)).isEqualTo(Amount.parse("12.5"));
    // 5,000,000,000 >> 32 = 1 unit; >> 33 = 0.
    assertThat(schedule.at(32 * 210_000)).isEqualTo(Amount.ofUnits(1));
    assertThat(schedule.at(33 * 210_000)).isEqualTo(Amount.ZERO);
  }

  @Test
  void isZeroFromTheSixtyFourthHalvingOn() {
    SubsidySchedule oneBlockEras = new SubsidySchedule(Amount.ofUnits(1L << 40), 1);
    assertThat(oneBlockEras.at(40)).isEqualTo(Amount.ofUnits(1));
    assertThat(oneBlockEras.at(63)).isEqualTo(Amount.ZERO);
    // A Java shift by 64 would be a shift by 0: the schedule must not wrap around.
    assertThat(oneBlockEras.at(64)).isEqualTo(Amount.ZERO);
    assertThat(oneBlockEras.at(Integer.MAX_VALUE)).isEqualTo(Amount.ZERO);
  }

  @Test
  void theTotalSupplyStaysBelowMaxMoney() {
    assertThat(schedule.total()).isEqualTo(Amount.ofUnits(2_099_999_997_690_000L));
    assertThat(schedule.total().units()).isLessThan(Amount.MAX_MONEY);

    long sum = 0;
    for (int era = 0; era < 70; era++) {
      sum += schedule.at(era * 210_000).units() * 210_000L;
    }
    assertThat(sum).isEqualTo(schedule.total().units());
  }

  @Test
  void refusesASchedulePayingMaxMoneyOrMore() {
    assertThatThrownBy(() -> new SubsidySchedule(Amount.ofEq(50), 210_001))
        .isInstanceOf(ChainException.class)
        .hasMessageContaining("would reach MAX_MONEY");
    assertThatThrownBy(() -> new SubsidySchedule(Amount.ofEq(50), Integer.MAX_VALUE))
        .isInstanceOf(ChainException.class);
    assertThatThrownBy(() -> new SubsidySchedule(Amount.ZERO, 10))
        .isInstanceOf(ChainException.class);
    assertThatThrownBy(() -> new SubsidySchedule(Amount.ofEq(1), 0))
        .isInstanceOf(ChainException.class);
  }

  @Test
  void refusesNegativeHeights() {
    assertThatThrownBy(() -> schedule.at(-1)).isInstanceOf(ChainException.class);
  }
}
