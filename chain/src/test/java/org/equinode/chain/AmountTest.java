package org.equinode.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountTest {
  @Test
  void constantsAreWhatTheDesignSays() {
    assertThat(Amount.UNITS_PER_EQ).isEqualTo(100_000_000L);
    assertThat(Amount.MAX_MONEY).isEqualTo(2_100_000_000_000_000L);
    assertThat(Amount.ofEq(21_000_000).units()).isEqualTo(Amount.MAX_MONEY);
  }

  @Test
  void refusesNegativeAndAboveMaxMoney() {
    assertThatThrownBy(() -> Amount.ofUnits(-1))
        .isInstanceOf(AmountException.class)
        .hasMessage("negative amount -1 units");
    assertThatThrownBy(() -> Amount.ofUnits(Amount.MAX_MONEY + 1))
        .isInstanceOf(AmountException.class)
        .hasMessageContaining("exceeds MAX_MONEY");
    assertThatThrownBy(() -> Amount.ofEq(21_000_001)).isInstanceOf(AmountException.class);
  }

  @Test
  void addAndSubtractAreChecked() {
    Amount a = Amount.ofUnits(150);
    Amount b = Amount.ofUnits(50);
    assertThat(a.add(b)).isEqualTo(Amount.ofUnits(200));
    assertThat(a.subtract(b)).isEqualTo(Amount.ofUnits(100));
    assertThat(b.trySubtract(a)).isEmpty();
    assertThatThrownBy(() -> b.subtract(a))
        .isInstanceOf(AmountException.class)
        .hasMessage("0.0000005 EQ - 0.0000015 EQ is negative");
    Amount max = Amount.ofUnits(Amount.MAX_MONEY);
    assertThat(max.tryAdd(Amount.ofUnits(1))).isEmpty();
    assertThat(max.tryAdd(Amount.ZERO)).contains(max);
    assertThatThrownBy(() -> max.add(max)).isInstanceOf(AmountException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "12.5, 1250000000, 12.5",
    "0, 0, 0",
    "0.00000001, 1, 0.00000001",
    "3, 300000000, 3",
    "3.10000000, 310000000, 3.1",
    "21000000, 2100000000000000, 21000000",
    "20999999.99999999, 2099999999999999, 20999999.99999999",
  })
  void parsesAndFormats(String text, long units, String formatted) {
    Amount amount = Amount.parse(text);
    assertThat(amount.units()).isEqualTo(units);
    assertThat(amount.format()).isEqualTo(formatted);
    assertThat(Amount.parse(amount.format())).isEqualTo(amount);
    assertThat(amount.toString()).isEqualTo(formatted + " EQ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".5",
        "5.",
        "-1",
        "+1",
        "1e3",
        "0.000000001",
        "01",
        " 1",
        "1 ",
        "1,5",
        "NaN",
        "21000000.00000001",
        "99999999",
        "123456789",
        "１"
      })
  void rejectsWhatIsNotAnAmount(String text) {
    assertThatThrownBy(() -> Amount.parse(text)).isInstanceOf(AmountException.class);
  }

  @Test
  void encodesAsEightLittleEndianBytes() {
    ByteWriter writer = ByteWriter.unbounded();
    Amount.ofUnits(0x0102).write(writer);
    byte[] bytes = writer.toByteArray();
    assertThat(bytes).containsExactly(2, 1, 0, 0, 0, 0, 0, 0);
    assertThat(Amount.read(ByteReader.of(bytes))).isEqualTo(Amount.ofUnits(0x0102));
  }

  @Test
  void decodingRefusesAboveMaxMoneyAndTheSignBit() {
    byte[] above = ByteWriter.unbounded().writeInt64LE(Amount.MAX_MONEY + 1).toByteArray();
    byte[] negative = ByteWriter.unbounded().writeInt64LE(-1).toByteArray();
    assertThatThrownBy(() -> Amount.read(ByteReader.of(above)))
        .isInstanceOf(MalformedException.class);
    assertThatThrownBy(() -> Amount.read(ByteReader.of(negative)))
        .isInstanceOf(MalformedException.class)
        .hasMessage("amount 18446744073709551615 units exceeds MAX_MONEY");
  }
}
