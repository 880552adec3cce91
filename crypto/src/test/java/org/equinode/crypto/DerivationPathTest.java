package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class DerivationPathTest {
  @Test
  void pathsSurviveText() {
    RandomGenerator random = SeededRandom.of(10);
    for (int i = 0; i < 500; i++) {
      List<Integer> levels = new ArrayList<>();
      int depth = random.nextInt(8);
      for (int d = 0; d < depth; d++) {
        levels.add(random.nextBoolean() ? random.nextInt(100) : random.nextInt(Integer.MAX_VALUE));
      }
      DerivationPath path = new DerivationPath(levels);
      assertThat(DerivationPath.parse(path.toString())).isEqualTo(path);
      assertThat(DerivationPath.parse(path.toString().replace('\'', 'h'))).isEqualTo(path);
    }
  }

  @Test
  void theStandardPathUsesEquinodesCoinType() {
    DerivationPath path = DerivationPath.parse("m/44'/17745'/3'/0'/7h");
    assertThat(path).isEqualTo(DerivationPath.standard(3, 7));
    assertThat(path.levels()).containsExactly(44, 17745, 3, 0, 7);
    assertThat(path.depth()).isEqualTo(5);
    assertThat(DerivationPath.parse("m")).isEqualTo(DerivationPath.MASTER);
    assertThat(DerivationPath.MASTER.child(44).child(2_147_483_647))
        .hasToString("m/44'/2147483647'");
  }

  @Test
  void aNonHardenedSegmentIsNamed() {
    assertThatThrownBy(() -> DerivationPath.parse("m/44'/17745'/0'/0/0'"))
        .isInstanceOf(CryptoException.class)
        .hasMessage(
            "segment 4 '0' of 'm/44'/17745'/0'/0/0'' is not hardened; SLIP-0010 Ed25519 derives"
                + " hardened children only (write 0')");
  }

  @Test
  void badSegmentsAreNamed() {
    assertThatThrownBy(() -> DerivationPath.parse("m/44'//0'"))
        .isInstanceOf(CryptoException.class)
        .hasMessage("segment 2 '' of 'm/44'//0'' is empty");
    assertThatThrownBy(() -> DerivationPath.parse("m/44'/"))
        .hasMessage("segment 2 '' of 'm/44'/' is empty");
    assertThatThrownBy(() -> DerivationPath.parse("m/"))
        .hasMessage("segment 1 '' of 'm/' is empty");
    assertThatThrownBy(() -> DerivationPath.parse("m/4x'"))
        .hasMessage("segment 1 '4x'' of 'm/4x'' is not a child number (digits, then ' or h)");
    assertThatThrownBy(() -> DerivationPath.parse("m/+4'"))
        .hasMessageEndingWith("is not a child number (digits, then ' or h)");
    assertThatThrownBy(() -> DerivationPath.parse("m/'"))
        .hasMessageEndingWith("is not a child number (digits, then ' or h)");
    assertThatThrownBy(() -> DerivationPath.parse("m/44''"))
        .hasMessageEndingWith("is not a child number (digits, then ' or h)");
    assertThatThrownBy(() -> DerivationPath.parse("m/44H"))
        .hasMessageEndingWith("is not a child number (digits, then ' or h)");
    assertThatThrownBy(() -> DerivationPath.parse("m/ 44'"))
        .hasMessageEndingWith("is not a child number (digits, then ' or h)");
    assertThatThrownBy(() -> DerivationPath.parse("m/\u0664\u0664'"))
        .hasMessageEndingWith("is not a child number (digits, then ' or h)");
    assertThatThrownBy(() -> DerivationPath.parse("m/044'"))
        .hasMessage("segment 1 '044'' of 'm/044'' has a leading zero");
    assertThatThrownBy(() -> DerivationPath.parse("m/2147483648'"))
        .hasMessage("segment 1 '2147483648'' of 'm/2147483648'' is larger than 2147483647");
    assertThatThrownBy(() -> DerivationPath.parse("m/99999999999999999999999'"))
        .hasMessageEndingWith("is larger than 2147483647");
  }

  @Test
  void theStartIsStrict() {
    assertThatThrownBy(() -> DerivationPath.parse("M/0'"))
        .isInstanceOf(CryptoException.class)
        .hasMessage("derivation path 'M/0'' does not start with 'm'");
    assertThatThrownBy(() -> DerivationPath.parse("m0'"))
        .hasMessage("derivation path 'm0'' must continue 'm/' after the 'm'");
    assertThatThrownBy(() -> DerivationPath.parse("")).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> DerivationPath.parse("/0'")).isInstanceOf(CryptoException.class);
  }

  @Test
  void depthAndLengthAreLimited() {
    String deepest = "m" + "/1'".repeat(DerivationPath.MAX_DEPTH);
    assertThat(DerivationPath.parse(deepest).depth()).isEqualTo(255);
    assertThatThrownBy(() -> DerivationPath.parse(deepest + "/1'"))
        .isInstanceOf(CryptoException.class)
        .hasMessageEndingWith("is deeper than 255 levels");
    String longest = "m" + "/2147483647'".repeat(DerivationPath.MAX_DEPTH);
    assertThat(longest).hasSize(DerivationPath.MAX_TEXT_LENGTH);
    assertThat(DerivationPath.parse(longest).depth()).isEqualTo(255);
    assertThatThrownBy(() -> DerivationPath.parse(longest + "/"))
        .isInstanceOf(CryptoException.class)
        .hasMessage("a derivation path has at most 3061 characters, got 3062");
    assertThatThrownBy(() -> new DerivationPath(java.util.Collections.nCopies(256, 0)))
        .isInstanceOf(CryptoException.class)
        .hasMessage("a derivation path has at most 255 levels, got 256");
    assertThatThrownBy(() -> new DerivationPath(List.of(-1)))
        .isInstanceOf(CryptoException.class)
        .hasMessage("a child number is 0 to 2147483647 (hardened is implied), got -1");
  }
}
