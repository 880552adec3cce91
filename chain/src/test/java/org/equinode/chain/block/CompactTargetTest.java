package org.equinode.chain.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import org.equinode.chain.BlockHash;
import org.equinode.testing.Vectors;
import org.junit.jupiter.api.Test;

class CompactTargetTest {
  private static final Map<String, String> REASONS =
      Map.of(
          "zero", "is zero",
          "sign", "has the sign bit set",
          "canonical", "is not canonical",
          "overflow", "exceeds 2^256");

  @Test
  void bitcoinCoreVectors() {
    int checked = 0;
    for (String line : Vectors.text(getClass(), "/vectors/compact-target.txt").lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.trim().split("\\s+", -1);
      int bits = Integer.parseUnsignedInt(fields[0], 16);
      if (fields[1].startsWith("reject:")) {
        String reason = REASONS.get(fields[1].substring("reject:".length()));
        assertThatThrownBy(() -> new CompactTarget(bits))
            .as(line)
            .isInstanceOf(BlockException.class)
            .hasMessageContaining(reason);
      } else {
        BigInteger target = new BigInteger(fields[1], 16);
        CompactTarget compact = new CompactTarget(bits);
        assertThat(compact.target()).as(line).isEqualTo(target);
        assertThat(CompactTarget.of(target)).as(line).isEqualTo(compact);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(23);
  }

  @Test
  void roundsDownToThreeSignificantBytes() {
    BigInteger target = new BigInteger("123456789abcde", 16);
    CompactTarget compact = CompactTarget.of(target);
    assertThat(compact.bits()).isEqualTo(0x07123456);
    assertThat(compact.target()).isEqualTo(new BigInteger("12345600000000", 16));
    assertThat(CompactTarget.of(CompactTarget.MAX_TARGET).bits()).isEqualTo(0x2100ffff);
    assertThat(CompactTarget.of(BigInteger.ONE).bits()).isEqualTo(0x01010000);
    assertThatThrownBy(() -> CompactTarget.of(BigInteger.ZERO)).isInstanceOf(BlockException.class);
    assertThatThrownBy(() -> CompactTarget.of(BigInteger.ONE.shiftLeft(256)))
        .isInstanceOf(BlockException.class);
  }

  @Test
  void workIsTwoToThe256OverTargetPlusOne() {
    // Bitcoin's difficulty-1 target: 0x100010001 hashes per block, as its chainwork counts.
    assertThat(new CompactTarget(0x1d00ffff).work()).isEqualTo(BigInteger.valueOf(0x1_0001_0001L));
    assertThat(CompactTarget.of(BigInteger.ONE).work()).isEqualTo(BigInteger.ONE.shiftLeft(255));
    assertThat(CompactTarget.of(BigInteger.ONE.shiftLeft(255)).work()).isEqualTo(BigInteger.ONE);
  }

  @Test
  void aHashMeetsTheTargetAsABigEndianNumber() {
    CompactTarget target = CompactTarget.of(BigInteger.ONE.shiftLeft(248)); // 0x01 then 31 zeros
    assertThat(target.isMetBy(BlockHash.parse("00" + "ff".repeat(31)))).isTrue();
    assertThat(target.isMetBy(BlockHash.parse("01" + "00".repeat(31)))).isTrue();
    assertThat(target.isMetBy(BlockHash.parse("01" + "00".repeat(30) + "01"))).isFalse();
    assertThat(target.isMetBy(BlockHash.parse("ff".repeat(31) + "00"))).isFalse();
  }
}
