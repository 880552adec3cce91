package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.crypto.Ed25519Reference.BASE;
import static org.equinode.crypto.Ed25519Reference.L;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.crypto.Ed25519Reference.Point;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Ed25519PublicKey} and {@link Ed25519Reference} give the same verdict on every input:
 * honest signatures, every kind of damage to them, and crafted ones that only a careful attacker
 * builds. The reference states the rule of {@code docs/crypto.md} step by step; the production code
 * evaluates it differently (as {@code encode([S]B - [k]A) == R}), so agreement here is the evidence
 * that the two are the same rule.
 */
class Ed25519DifferentialTest {
  private static final Point ORDER_8 =
      Ed25519Reference.decode(
              Hex.decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"))
          .orElseThrow();

  private final RandomGenerator random = SeededRandom.of(8032_2);

  @Test
  void honestAndDamagedSignaturesGetTheReferenceVerdict() {
    int accepted = 0;
    for (int i = 0; i < 60; i++) {
      Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(SeededRandom.bytes(random, 32));
      byte[] message = SeededRandom.bytes(random, random.nextInt(0, 80));
      byte[] signature = key.sign(message).toByteArray();
      accepted += agree(key.publicKey().toByteArray(), message, signature) ? 1 : 0;

      byte[] flipped = signature.clone();
      int bit = random.nextInt(512);
      flipped[bit >> 3] ^= (byte) (1 << (bit & 7));
      agree(key.publicKey().toByteArray(), message, flipped);

      byte[] randomR = signature.clone();
      System.arraycopy(SeededRandom.bytes(random, 32), 0, randomR, 0, 32);
      agree(key.publicKey().toByteArray(), message, randomR);

      byte[] sPlusL = signature.clone();
      BigInteger s = Ed25519Reference.fromLittleEndian(Arrays.copyOfRange(signature, 32, 64));
      System.arraycopy(Ed25519Reference.littleEndian(s.add(L), 32), 0, sPlusL, 32, 32);
      agree(key.publicKey().toByteArray(), message, sPlusL);
    }
    assertThat(accepted).isEqualTo(60);
  }

  @Test
  void signaturesWithTorsionInRGetTheReferenceVerdict() {
    // R' = R + T keeps the cofactored equation; the rule refuses it whatever T's order.
    for (int i = 0; i < 24; i++) {
      BigInteger a = new BigInteger(1, SeededRandom.bytes(random, 32)).mod(L);
      byte[] publicKey = BASE.multiply(a).encode();
      byte[] message = SeededRandom.bytes(random, 32);
      Point torsion = ORDER_8.multiply(BigInteger.valueOf(1 + i % 7));
      BigInteger r = new BigInteger(1, SeededRandom.bytes(random, 32)).mod(L);
      byte[] rBytes = BASE.multiply(r).add(torsion).encode();
      BigInteger k = Ed25519Reference.challenge(rBytes, publicKey, message);
      byte[] signature =
          concat(rBytes, Ed25519Reference.littleEndian(r.add(k.multiply(a)).mod(L), 32));
      assertThat(agree(publicKey, message, signature)).isFalse();
    }
  }

  @Test
  void rEqualToTheIdentityIsRefusedThoughTheEquationHolds() {
    // With S = k*a, [S]B - [k]A is the identity, so encode([S]B - [k]A) equals R = 01 00 .. 00.
    // The rule wants R of order L; the production code refuses this R by name.
    for (int i = 0; i < 8; i++) {
      BigInteger a = new BigInteger(1, SeededRandom.bytes(random, 32)).mod(L);
      byte[] publicKey = BASE.multiply(a).encode();
      byte[] message = SeededRandom.bytes(random, 32);
      byte[] identity = Ed25519Reference.IDENTITY.encode();
      BigInteger k = Ed25519Reference.challenge(identity, publicKey, message);
      byte[] signature = concat(identity, Ed25519Reference.littleEndian(k.multiply(a).mod(L), 32));
      assertThat(BASE.multiply(k.multiply(a).mod(L)).sameAs(BASE.multiply(a).multiply(k)))
          .as("the group equation holds")
          .isTrue();
      assertThat(agree(publicKey, message, signature)).isFalse();
    }
  }

  @Test
  void publicKeysGetTheReferenceVerdict() {
    int valid = 0;
    for (int i = 0; i < 120; i++) {
      byte[] bytes =
          switch (i % 3) {
            case 0 -> SeededRandom.bytes(random, 32);
            case 1 ->
                BASE.multiply(BigInteger.valueOf(random.nextLong(1, Long.MAX_VALUE))).encode();
            default ->
                BASE.multiply(BigInteger.valueOf(random.nextLong(0, Long.MAX_VALUE)))
                    .add(ORDER_8.multiply(BigInteger.valueOf(random.nextInt(1, 8))))
                    .encode();
          };
      boolean ours = parse(bytes).isPresent();
      assertThat(ours).as(Hex.encode(bytes)).isEqualTo(Ed25519Reference.isValidPublicKey(bytes));
      valid += ours ? 1 : 0;
    }
    assertThat(valid).isEqualTo(40);
  }

  /** Asserts that both verdicts are equal and returns it. */
  private static boolean agree(byte[] publicKey, byte[] message, byte[] signature) {
    boolean reference = Ed25519Reference.verify(publicKey, message, signature);
    boolean ours =
        parse(publicKey)
            .map(key -> key.verify(message, Ed25519Signature.of(signature)))
            .orElse(false);
    assertThat(ours)
        .as(
            "key %s, message %s, signature %s",
            Hex.encode(publicKey), Hex.encode(message), Hex.encode(signature))
        .isEqualTo(reference);
    return ours;
  }

  private static Optional<Ed25519PublicKey> parse(byte[] bytes) {
    try {
      return Optional.of(Ed25519PublicKey.parse(bytes));
    } catch (CryptoException e) {
      return Optional.empty();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
