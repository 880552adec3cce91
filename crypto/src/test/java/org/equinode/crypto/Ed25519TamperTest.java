package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

/**
 * A valid signature stops verifying when anything about it changes; parsers round-trip and refuse
 * garbage with {@link CryptoException} only.
 */
class Ed25519TamperTest {
  private final RandomGenerator random = SeededRandom.of(20260101);
  private final Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(SeededRandom.bytes(random, 32));
  private final byte[] message = SeededRandom.bytes(random, 100);
  private final Ed25519Signature signature = key.sign(message);

  @Test
  void theUntouchedSignatureVerifies() {
    assertThat(key.publicKey().verify(message, signature)).isTrue();
  }

  @Test
  void everyFlippedBitOfTheSignatureIsRefused() {
    byte[] bytes = signature.toByteArray();
    for (int bit = 0; bit < 8 * bytes.length; bit++) {
      byte[] flipped = flip(bytes, bit);
      assertThat(key.publicKey().verify(message, Ed25519Signature.of(flipped)))
          .as("bit %d of the signature", bit)
          .isFalse();
    }
  }

  @Test
  void everyFlippedBitOfTheMessageIsRefused() {
    for (int bit = 0; bit < 8 * message.length; bit++) {
      assertThat(key.publicKey().verify(flip(message, bit), signature))
          .as("bit %d of the message", bit)
          .isFalse();
    }
  }

  @Test
  void everyFlippedBitOfThePublicKeyIsRefusedAtParseOrByVerify() {
    byte[] bytes = key.publicKey().toByteArray();
    for (int bit = 0; bit < 8 * bytes.length; bit++) {
      byte[] flipped = flip(bytes, bit);
      boolean accepted;
      try {
        accepted = Ed25519PublicKey.parse(flipped).verify(message, signature);
      } catch (CryptoException e) {
        accepted = false;
      }
      assertThat(accepted).as("bit %d of the public key", bit).isFalse();
    }
  }

  @Test
  void anotherKeyOrAnotherMessageIsRefused() {
    Ed25519PrivateKey other = Ed25519PrivateKey.fromSeed(SeededRandom.bytes(random, 32));

    assertThat(other.publicKey().verify(message, signature)).isFalse();
    assertThat(key.publicKey().verify(message, other.sign(message))).isFalse();
    assertThat(key.publicKey().verify(new byte[0], signature)).isFalse();
    assertThat(key.publicKey().verify(message, key.sign(new byte[0]))).isFalse();
  }

  @Test
  void valuesRoundTrip() {
    Ed25519PublicKey publicKey = key.publicKey();

    assertThat(Ed25519PublicKey.parse(publicKey.toByteArray())).isEqualTo(publicKey);
    assertThat(Ed25519Signature.of(signature.toByteArray())).isEqualTo(signature);
    assertThat(Ed25519PrivateKey.fromSeed(key.seedBytes()).publicKey()).isEqualTo(publicKey);
    assertThat(Ed25519PrivateKey.fromSeed(key.seedBytes()).sign(message)).isEqualTo(signature);
  }

  @Test
  void mutatedPublicKeysParseToTheSameBytesOrAreRefused() {
    byte[] valid = key.publicKey().toByteArray();
    for (int i = 0; i < 2000; i++) {
      byte[] candidate = i % 4 == 0 ? SeededRandom.bytes(random, 32) : mutate(valid);
      try {
        assertThat(Ed25519PublicKey.parse(candidate).toByteArray()).isEqualTo(candidate);
      } catch (CryptoException e) {
        assertThat(e).hasMessageStartingWith("not an Ed25519 public key: " + Hex.encode(candidate));
      }
    }
  }

  @Test
  void mutatedSignaturesAgreeWithTheReferenceImplementation() {
    byte[] publicKey = key.publicKey().toByteArray();
    byte[] valid = signature.toByteArray();
    for (int i = 0; i < 60; i++) {
      byte[] candidate = mutate(valid);
      boolean accepted = key.publicKey().verify(message, Ed25519Signature.of(candidate));
      assertThat(accepted)
          .as("signature %s", Hex.encode(candidate))
          .isEqualTo(Ed25519Reference.verify(publicKey, message, candidate));
    }
  }

  @Test
  void wrongLengthsAreRefused() {
    assertThatThrownBy(() -> Ed25519PublicKey.parse(new byte[31]))
        .isInstanceOf(CryptoException.class)
        .hasMessage("an Ed25519 public key is 32 bytes, got 31");
    assertThatThrownBy(() -> Ed25519Signature.of(new byte[65]))
        .isInstanceOf(CryptoException.class)
        .hasMessage("an Ed25519 signature is 64 bytes, got 65");
    assertThatThrownBy(() -> Ed25519PrivateKey.fromSeed(new byte[33]))
        .isInstanceOf(CryptoException.class)
        .hasMessage("an Ed25519 seed is 32 bytes, got 33");
  }

  @Test
  void thePrivateKeyNeverPrintsItsSeed() {
    assertThat(key.toString())
        .doesNotContain(Hex.encode(key.seedBytes()))
        .contains(key.publicKey().toString());
  }

  @Test
  void keysSharingARecentParseSlotStayDistinct() {
    // parse keeps recent keys in slots chosen by their first two bytes (12 bits): find a second
    // key in the same slot, and an invalid key there too, and interleave them.
    byte[] first = key.publicKey().toByteArray();
    byte[] second;
    do {
      second = Ed25519PrivateKey.fromSeed(SeededRandom.bytes(random, 32)).publicKey().toByteArray();
    } while ((((first[0] ^ second[0]) & 0xff) | (((first[1] ^ second[1]) & 0x0f) << 8)) != 0
        || Arrays.equals(first, second));
    byte[] invalid = first.clone();
    invalid[31] ^= 0x40; // y >= p or another point: either way not this key
    for (int round = 0; round < 3; round++) {
      assertThat(Ed25519PublicKey.parse(first).toByteArray()).isEqualTo(first);
      assertThat(Ed25519PublicKey.parse(second).toByteArray()).isEqualTo(second);
      try {
        assertThat(Ed25519PublicKey.parse(invalid).toByteArray()).isEqualTo(invalid);
      } catch (CryptoException e) {
        assertThat(e).hasMessageStartingWith("not an Ed25519 public key: " + Hex.encode(invalid));
      }
      assertThat(Ed25519PublicKey.parse(first).verify(message, signature)).isTrue();
    }
  }

  private byte[] mutate(byte[] bytes) {
    byte[] out = bytes.clone();
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    return out;
  }

  private static byte[] flip(byte[] bytes, int bit) {
    byte[] out = bytes.clone();
    out[bit / 8] ^= (byte) (1 << (bit % 8));
    return out;
  }
}
