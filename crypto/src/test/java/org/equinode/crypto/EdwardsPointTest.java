package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.crypto.Ed25519Reference.BASE;
import static org.equinode.crypto.Ed25519Reference.L;

import java.math.BigInteger;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.crypto.Ed25519Reference.Point;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

/**
 * The group law of {@link EdwardsPoint} against the {@link BigInteger} arithmetic of {@link
 * Ed25519Reference}, on prime-order points, torsion points and mixed ones.
 */
class EdwardsPointTest {
  private static final Point ORDER_8 =
      Ed25519Reference.decode(
              Hex.decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"))
          .orElseThrow();

  private final RandomGenerator random = SeededRandom.of(25519);

  @Test
  void decodeAndEncodeAgreeWithTheReferenceOnRandomBytes() {
    // About half of all y values are on the curve; the rest, and y >= p, decode to nothing.
    int points = 0;
    for (int i = 0; i < 400; i++) {
      byte[] bytes = SeededRandom.bytes(random, 32);
      var ours = EdwardsPoint.decode(bytes);
      var reference = Ed25519Reference.decode(bytes);
      assertThat(ours.isPresent()).as(Hex.encode(bytes)).isEqualTo(reference.isPresent());
      if (ours.isPresent()) {
        points++;
        assertThat(ours.get().encode()).isEqualTo(bytes);
      }
    }
    assertThat(points).isBetween(120, 280);
  }

  @Test
  void scalarMultiplesMatchTheReference() {
    for (int i = 0; i < 40; i++) {
      Point p = randomPoint(i % 8);
      BigInteger k = new BigInteger(1, SeededRandom.bytes(random, 32)).mod(BigInteger.TWO.pow(253));
      EdwardsPoint ours = EdwardsPoint.decode(p.encode()).orElseThrow();
      byte[] product =
          EdwardsPoint.multiply(
                  Ed25519Scalar.wnaf(Ed25519ScalarTest.words(k), EdwardsPoint.POINT_WINDOW),
                  ours.table())
              .encode();
      assertThat(product).isEqualTo(p.multiply(k).encode());
    }
  }

  @Test
  void baseMinusMatchesTheReference() {
    for (int i = 0; i < 40; i++) {
      Point a = randomPoint(i % 8);
      BigInteger s = new BigInteger(1, SeededRandom.bytes(random, 32)).mod(L);
      BigInteger k = new BigInteger(1, SeededRandom.bytes(random, 32)).mod(L);
      byte[] ours =
          EdwardsPoint.baseMinus(
                  Ed25519Scalar.wnaf(Ed25519ScalarTest.words(s), EdwardsPoint.BASE_WINDOW),
                  EdwardsPoint.decode(a.encode()).orElseThrow().table(),
                  Ed25519Scalar.wnaf(Ed25519ScalarTest.words(k), EdwardsPoint.POINT_WINDOW))
              .encode();
      assertThat(ours).isEqualTo(BASE.multiply(s).add(a.multiply(k).negate()).encode());
    }
  }

  @Test
  void identityIsRecognisedOnlyForTheNeutralElement() {
    assertThat(EdwardsPoint.identity().isIdentity()).isTrue();
    for (int i = 0; i < 8; i++) {
      Point torsion = ORDER_8.multiply(BigInteger.valueOf(i));
      EdwardsPoint ours = EdwardsPoint.decode(torsion.encode()).orElseThrow();
      assertThat(ours.isIdentity()).as("[%d]T8", i).isEqualTo(i == 0);
      byte[] timesOrder = EdwardsPoint.multiply(Ed25519Scalar.ORDER_DIGITS, ours.table()).encode();
      assertThat(timesOrder).isEqualTo(torsion.multiply(L).encode());
    }
    EdwardsPoint b = EdwardsPoint.decode(BASE.encode()).orElseThrow();
    assertThat(EdwardsPoint.multiply(Ed25519Scalar.ORDER_DIGITS, b.table()).isIdentity()).isTrue();
  }

  /** A random multiple of B plus the torsion point {@code [torsion]T8}. */
  private Point randomPoint(int torsion) {
    BigInteger k = new BigInteger(1, SeededRandom.bytes(random, 32)).mod(L);
    return BASE.multiply(k).add(ORDER_8.multiply(BigInteger.valueOf(torsion)));
  }
}
