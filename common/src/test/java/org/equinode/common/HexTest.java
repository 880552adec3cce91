package org.equinode.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void encodesLowerCaseAndDecodesEitherCase() {
    byte[] bytes = {0x00, 0x01, (byte) 0xab, (byte) 0xff, 0x7f};
    assertThat(Hex.encode(bytes)).isEqualTo("0001abff7f");
    assertThat(Hex.decode("0001ABff7F")).containsExactly(bytes);
    assertThat(Hex.encode(new byte[0])).isEmpty();
  }

  @Test
  void roundTripsRandomBytes() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      assertThat(Hex.decode(Hex.encode(bytes))).containsExactly(bytes);
    }
  }

  @Test
  void rejectsOddLengthAndNonDigits() {
    assertThatThrownBy(() -> Hex.decode("abc")).hasMessageContaining("odd length");
    assertThatThrownBy(() -> Hex.decode("zz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position 0");
    assertThatThrownBy(() -> Hex.decode("0g")).hasMessageContaining("position 1: 'g'");
    // Character.digit would accept these Arabic-Indic and full-width digits.
    assertThatThrownBy(() -> Hex.decode("\u0661\u0662")).hasMessageContaining("position 0");
    assertThatThrownBy(() -> Hex.decode("\uff11\uff12")).hasMessageContaining("position 0");
  }
}
