package org.equinode.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SLIP-0010 key derivation for Ed25519: from a seed (usually {@link Mnemonic#seed}) to a master
 * {@link ExtendedKey}, then down a {@link DerivationPath} of hardened children to an {@link
 * Ed25519PrivateKey}.
 *
 * <p>The master key is HMAC-SHA512 keyed with {@code "ed25519 seed"} over the seed: the left half
 * is the key, the right half the chain code. Every 256-bit value is a valid Ed25519 key, so no
 * retry is ever needed. Only hardened derivation exists for Ed25519; see {@link
 * ExtendedKey#child(int)}.
 */
public final class Slip10 {
  /** The HMAC key of the master key for Ed25519. */
  public static final String ED25519_CURVE = "ed25519 seed";

  /** The shortest seed SLIP-0010 allows: 128 bits. */
  public static final int MIN_SEED_LENGTH = 16;

  /** The longest seed SLIP-0010 allows: 512 bits (a BIP39 seed). */
  public static final int MAX_SEED_LENGTH = 64;

  private Slip10() {}

  /**
   * The master key of {@code seed}.
   *
   * @throws CryptoException if the seed is not 16 to 64 bytes long
   */
  public static ExtendedKey master(byte[] seed) {
    if (seed.length < MIN_SEED_LENGTH || seed.length > MAX_SEED_LENGTH) {
      throw new CryptoException(
          "a SLIP-0010 seed is "
              + MIN_SEED_LENGTH
              + " to "
              + MAX_SEED_LENGTH
              + " bytes, got "
              + seed.length);
    }
    return ExtendedKey.split(hmacSha512(ED25519_CURVE.getBytes(StandardCharsets.US_ASCII), seed));
  }

  /** The extended key at {@code path} from {@code seed}'s master key. */
  public static ExtendedKey derive(byte[] seed, DerivationPath path) {
    return master(seed).derive(path);
  }

  /** The Ed25519 private key at {@code path} from {@code seed}'s master key. */
  public static Ed25519PrivateKey privateKey(byte[] seed, DerivationPath path) {
    return derive(seed, path).privateKey();
  }

  static byte[] hmacSha512(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(key, "HmacSHA512"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA512", e);
    }
  }
}
