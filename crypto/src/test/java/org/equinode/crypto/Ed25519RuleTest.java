package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equinode.crypto.Ed25519Reference.BASE;
import static org.equinode.crypto.Ed25519Reference.L;
import static org.equinode.crypto.Ed25519Reference.P;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.equinode.common.Hex;
import org.equinode.crypto.Ed25519Reference.Point;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

/**
 * The verification rule of {@code docs/crypto.md} on inputs that no honest signer produces: every
 * small-order point, every non-canonical encoding, points with a torsion component, scalars out of
 * range. Crafted with {@link Ed25519Reference}, which also decides every case independently.
 */
class Ed25519RuleTest {
  /**
   * A point of order 8 (the public key of speccheck case 0); its multiples are all 8 torsion
   * points.
   */
  private static final Point ORDER_8 =
      Ed25519Reference.decode(
              Hex.decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"))
          .orElseThrow();

  private static final byte[] MESSAGE = Hex.decode("0123456789abcdef");

  @Test
  void referenceArithmeticMatchesRfc8032() {
    assertThat(Hex.encode(BASE.encode()))
        .isEqualTo("5866666666666666666666666666666666666666666666666666666666666666");
    assertThat(BASE.hasPrimeOrder()).isTrue();
    assertThat(ORDER_8.multiply(BigInteger.valueOf(8)).isIdentity()).isTrue();
    assertThat(ORDER_8.multiply(BigInteger.valueOf(4)).isIdentity()).isFalse();
    byte[] seed = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    Point a = BASE.multiply(Ed25519Reference.secretScalar(seed));
    assertThat(a.encode()).isEqualTo(Ed25519PrivateKey.fromSeed(seed).publicKey().toByteArray());
  }

  @Test
  void publicKeysDerivedFromSeedsPassTheFullCheck() {
    // Ed25519PrivateKey skips the order check for its own [a]B; this confirms it loses nothing.
    RandomGenerator random = SeededRandom.of(5);
    for (int i = 0; i < 50; i++) {
      Ed25519PublicKey derived =
          Ed25519PrivateKey.fromSeed(SeededRandom.bytes(random, 32)).publicKey();
      assertThat(Ed25519PublicKey.parse(derived.toByteArray())).isEqualTo(derived);
    }
  }

  @Test
  void everySmallOrderPointIsRefusedAsPublicKey() {
    for (int i = 0; i < 8; i++) {
      byte[] encoding = ORDER_8.multiply(BigInteger.valueOf(i)).encode();
      assertThatThrownBy(() -> Ed25519PublicKey.parse(encoding))
          .as("small-order point %s", Hex.encode(encoding))
          .isInstanceOf(CryptoException.class)
          .hasMessageContaining("point of small order");
    }
  }

  @Test
  void everyNonCanonicalEncodingIsRefusedAsPublicKeyAndAsR() {
    // y >= p: the 19 values p .. 2^255 - 1, each with either sign bit; then x = 0 with the sign
    // bit set (y = 1 and y = p - 1, the only points with x = 0).
    List<byte[]> encodings = new ArrayList<>();
    for (int offset = 0; offset < 19; offset++) {
      byte[] y = Ed25519Reference.littleEndian(P.add(BigInteger.valueOf(offset)), 32);
      encodings.add(y);
      byte[] negative = y.clone();
      negative[31] |= (byte) 0x80;
      encodings.add(negative);
    }
    for (BigInteger y : List.of(BigInteger.ONE, P.subtract(BigInteger.ONE))) {
      byte[] minusZero = Ed25519Reference.littleEndian(y, 32);
      minusZero[31] |= (byte) 0x80;
      encodings.add(minusZero);
    }
    Ed25519PublicKey key = Ed25519PrivateKey.fromSeed(new byte[32]).publicKey();
    for (byte[] encoding : encodings) {
      assertThat(Ed25519Reference.decode(encoding)).as(Hex.encode(encoding)).isEmpty();
      assertThatThrownBy(() -> Ed25519PublicKey.parse(encoding))
          .isInstanceOf(CryptoException.class);
      byte[] signature = Arrays.copyOf(encoding, 64);
      signature[32] = 1;
      assertThat(key.verify(MESSAGE, Ed25519Signature.of(signature))).isFalse();
    }
  }

  @Test
  void mixedOrderPublicKeyIsRefused() {
    Point a = BASE.multiply(BigInteger.valueOf(1234567)).add(ORDER_8);

    assertThat(Ed25519.validatePublicKeyPartial(a.encode(), 0))
        .as("BouncyCastle's partial validation accepts it")
        .isTrue();
    assertThatThrownBy(() -> Ed25519PublicKey.parse(a.encode()))
        .isInstanceOf(CryptoException.class)
        .hasMessage(
            "not an Ed25519 public key: "
                + Hex.encode(a.encode())
                + " is a point outside the prime-order subgroup (it has a torsion component)");
  }

  @Test
  void signatureWhoseRHasATorsionComponentIsRefused() {
    RandomGenerator random = SeededRandom.of(8032);
    for (int multiple : new int[] {1, 2, 4}) { // torsion of order 8, 4 and 2
      Point torsion = ORDER_8.multiply(BigInteger.valueOf(multiple));
      Crafted c = craftWithTorsionInR(random, torsion);

      assertThat(c.holdsCofactored()).as("the cofactored equation holds").isTrue();
      assertThat(c.holdsCofactorless()).as("the cofactorless equation fails").isFalse();
      assertThat(c.key().verify(c.message(), Ed25519Signature.of(c.signature()))).isFalse();
      assertThat(Ed25519Reference.verify(c.publicKey(), c.message(), c.signature())).isFalse();
    }
  }

  /**
   * Why {@link Ed25519PublicKey#verify} does not use BouncyCastle's verification: BouncyCastle 1.82
   * alone accepts some of these signatures (those whose lattice split of k has an even v1), so its
   * verdict on them depends on an internal algorithm, not on a published equation. If this test
   * fails after a BouncyCastle upgrade, re-read docs/crypto.md: our rule does not change.
   */
  @Test
  void bouncyCastleAloneAcceptsSomeSignaturesWithOrder2TorsionInR() {
    RandomGenerator random = SeededRandom.of(25519);
    Point order2 = ORDER_8.multiply(BigInteger.valueOf(4));
    int acceptedByBouncyCastle = 0;
    for (int attempt = 0; attempt < 16; attempt++) {
      Crafted c = craftWithTorsionInR(random, order2);
      byte[] pk = c.publicKey();
      if (Ed25519.verify(c.signature(), 0, pk, 0, c.message(), 0, c.message().length)) {
        acceptedByBouncyCastle++;
        assertThat(c.key().verify(c.message(), Ed25519Signature.of(c.signature()))).isFalse();
      }
    }
    assertThat(acceptedByBouncyCastle).isPositive();
  }

  @Test
  void scalarNotBelowLIsRefused() {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(new byte[32]);
    byte[] signature = key.sign(MESSAGE).toByteArray();
    BigInteger s = Ed25519Reference.fromLittleEndian(Arrays.copyOfRange(signature, 32, 64));
    for (BigInteger candidate :
        List.of(s.add(L), L, BigInteger.TWO.pow(256).subtract(BigInteger.ONE))) {
      byte[] changed = signature.clone();
      System.arraycopy(Ed25519Reference.littleEndian(candidate, 32), 0, changed, 32, 32);
      assertThat(key.publicKey().verify(MESSAGE, Ed25519Signature.of(changed)))
          .as("S = %s", candidate)
          .isFalse();
    }
  }

  @Test
  void identityAsRIsRefused() {
    // S = k * a with R = identity satisfies [S]B = R + [k]A; the rule still refuses it.
    byte[] seed = new byte[32];
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
    byte[] pk = key.publicKey().toByteArray();
    byte[] r = Ed25519Reference.IDENTITY.encode();
    BigInteger k = Ed25519Reference.challenge(r, pk, MESSAGE);
    BigInteger s = k.multiply(Ed25519Reference.secretScalar(seed)).mod(L);
    byte[] signature = concat(r, Ed25519Reference.littleEndian(s, 32));

    assertThat(
            BASE.multiply(s).sameAs(BASE.multiply(Ed25519Reference.secretScalar(seed)).multiply(k)))
        .isTrue();
    assertThat(key.publicKey().verify(MESSAGE, Ed25519Signature.of(signature))).isFalse();
  }

  /** A signature by an honest key whose R carries a torsion component, S computed honestly. */
  static final class Crafted {
    private final Ed25519PublicKey key;
    private final byte[] message;
    private final byte[] signature;
    private final boolean holdsCofactored;
    private final boolean holdsCofactorless;

    Crafted(
        Ed25519PublicKey key,
        byte[] message,
        byte[] signature,
        boolean holdsCofactored,
        boolean holdsCofactorless) {
      this.key = key;
      this.message = message;
      this.signature = signature;
      this.holdsCofactored = holdsCofactored;
      this.holdsCofactorless = holdsCofactorless;
    }

    Ed25519PublicKey key() {
      return key;
    }

    byte[] publicKey() {
      return key.toByteArray();
    }

    byte[] message() {
      return message.clone();
    }

    byte[] signature() {
      return signature.clone();
    }

    /** [8][S]B = [8](R + [k]A). */
    boolean holdsCofactored() {
      return holdsCofactored;
    }

    /** [S]B = R + [k]A. */
    boolean holdsCofactorless() {
      return holdsCofactorless;
    }
  }

  static Crafted craftWithTorsionInR(RandomGenerator random, Point torsion) {
    byte[] seed = SeededRandom.bytes(random, 32);
    Ed25519PublicKey key = Ed25519PrivateKey.fromSeed(seed).publicKey();
    byte[] pk = key.toByteArray();
    BigInteger a = Ed25519Reference.secretScalar(seed);
    byte[] message = SeededRandom.bytes(random, 32);
    BigInteger r = new BigInteger(1, SeededRandom.bytes(random, 32)).mod(L);
    Point bigR = BASE.multiply(r).add(torsion);
    byte[] rBytes = bigR.encode();
    BigInteger k = Ed25519Reference.challenge(rBytes, pk, message);
    BigInteger s = r.add(k.multiply(a)).mod(L);
    Point left = BASE.multiply(s);
    Point right = bigR.add(BASE.multiply(a).multiply(k));
    BigInteger eight = BigInteger.valueOf(8);
    return new Crafted(
        key,
        message,
        concat(rBytes, Ed25519Reference.littleEndian(s, 32)),
        left.multiply(eight).sameAs(right.multiply(eight)),
        left.sameAs(right));
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }
}
