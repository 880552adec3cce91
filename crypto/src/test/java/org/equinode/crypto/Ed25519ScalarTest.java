package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.crypto.Ed25519Reference.L;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

/** The scalar side of verification against {@link BigInteger}: the S bound, the reduction, wNAF. */
class Ed25519ScalarTest {
  private static final BigInteger TWO_253 = BigInteger.TWO.pow(253);

  @Test
  void theOrderMatchesTheReference() {
    assertThat(Ed25519Scalar.ORDER).isEqualTo(L);
  }

  @Test
  void onlyScalarsBelowTheOrderAreCanonical() {
    BigInteger max256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    for (BigInteger below : List.of(BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE))) {
      assertThat(isBelowOrder(below)).as("%s", below).isTrue();
    }
    for (BigInteger notBelow :
        List.of(L, L.add(BigInteger.ONE), L.shiftLeft(1), TWO_253, max256, L.add(L.shiftLeft(2)))) {
      assertThat(isBelowOrder(notBelow)).as("%s", notBelow).isFalse();
    }
    RandomGenerator random = SeededRandom.of(253);
    for (int i = 0; i < 2000; i++) {
      BigInteger s =
          new BigInteger(1, SeededRandom.bytes(random, 32)).shiftRight(random.nextInt(8));
      assertThat(isBelowOrder(s)).isEqualTo(s.compareTo(L) < 0);
    }
  }

  @Test
  void reductionOfA512BitHashMatchesBigInteger() {
    RandomGenerator random = SeededRandom.of(512);
    List<byte[]> inputs = new ArrayList<>();
    inputs.add(new byte[64]);
    byte[] ones = new byte[64];
    Arrays.fill(ones, (byte) 0xff);
    inputs.add(ones);
    inputs.add(Ed25519Reference.littleEndian(L, 64));
    inputs.add(Ed25519Reference.littleEndian(L.subtract(BigInteger.ONE), 64));
    for (int i = 0; i < 500; i++) {
      inputs.add(SeededRandom.bytes(random, 64));
    }
    for (byte[] wide : inputs) {
      assertThat(value(Ed25519Scalar.reduceWide(wide)))
          .isEqualTo(Ed25519Reference.fromLittleEndian(wide).mod(L));
    }
  }

  @Test
  void wnafDigitsSumToTheScalarAndKeepTheirShape() {
    RandomGenerator random = SeededRandom.of(5);
    List<BigInteger> scalars =
        new ArrayList<>(
            List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.valueOf(8),
                BigInteger.valueOf(255),
                L.subtract(BigInteger.ONE),
                L,
                TWO_253.subtract(BigInteger.ONE)));
    for (int i = 0; i < 1000; i++) {
      scalars.add(new BigInteger(1, SeededRandom.bytes(random, 32)).mod(TWO_253));
    }
    for (int window : new int[] {EdwardsPoint.POINT_WINDOW, EdwardsPoint.BASE_WINDOW}) {
      for (BigInteger scalar : scalars) {
        byte[] digits = Ed25519Scalar.wnaf(words(scalar), window);
        BigInteger sum = BigInteger.ZERO;
        int lastNonZero = -window;
        for (int i = digits.length - 1; i >= 0; i--) {
          sum = sum.shiftLeft(1).add(BigInteger.valueOf(digits[i]));
        }
        for (int i = 0; i < digits.length; i++) {
          if (digits[i] != 0) {
            assertThat(digits[i] & 1).as("digit %d of %s is odd", i, scalar).isEqualTo(1);
            assertThat(Math.abs(digits[i])).isLessThan(1 << (window - 1));
            assertThat(i - lastNonZero)
                .as("spacing at %d of %s", i, scalar)
                .isGreaterThan(window - 1);
            lastNonZero = i;
          }
        }
        assertThat(sum).as("window %d", window).isEqualTo(scalar);
      }
    }
  }

  @Test
  void theOrderDigitsAreTheOrder() {
    BigInteger sum = BigInteger.ZERO;
    for (int i = Ed25519Scalar.ORDER_DIGITS.length - 1; i >= 0; i--) {
      sum = sum.shiftLeft(1).add(BigInteger.valueOf(Ed25519Scalar.ORDER_DIGITS[i]));
    }
    assertThat(sum).isEqualTo(L);
  }

  private static boolean isBelowOrder(BigInteger s) {
    return Ed25519Scalar.isBelowOrder(
        Ed25519Scalar.fromBytes(Ed25519Reference.littleEndian(s, 32), 0));
  }

  static long[] words(BigInteger value) {
    return Ed25519Scalar.fromBytes(Ed25519Reference.littleEndian(value, 32), 0);
  }

  private static BigInteger value(long[] words) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(words[i])));
    }
    return v;
  }
}
