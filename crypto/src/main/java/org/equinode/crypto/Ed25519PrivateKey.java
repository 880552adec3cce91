package org.equinode.crypto;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key: the 32-byte seed of RFC 8032, with its public key. Never printed: {@link
 * #toString()} hides it.
 */
public final class Ed25519PrivateKey {
  /** The length of the seed in bytes. */
  public static final int SEED_LENGTH = 32;

  private final byte[] seed;
  private final byte[] publicBytes;
  private final Ed25519PublicKey publicKey;

  private Ed25519PrivateKey(byte[] seed) {
    this.seed = seed;
    this.publicBytes = new byte[Ed25519PublicKey.LENGTH];
    Ed25519.generatePublicKey(seed, 0, publicBytes, 0);
    this.publicKey = Ed25519PublicKey.derived(publicBytes);
  }

  /** A new key from a cryptographically strong generator. */
  public static Ed25519PrivateKey generate(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return new Ed25519PrivateKey(seed);
  }

  /**
   * The key with this 32-byte seed.
   *
   * @throws CryptoException if the seed is not 32 bytes
   */
  public static Ed25519PrivateKey fromSeed(byte[] seed) {
    if (seed.length != SEED_LENGTH) {
      throw new CryptoException("an Ed25519 seed is 32 bytes, got " + seed.length);
    }
    return new Ed25519PrivateKey(seed.clone());
  }

  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** Signs {@code message} (pure Ed25519, no context, no prehash). */
  public Ed25519Signature sign(byte[] message) {
    byte[] signature = new byte[Ed25519Signature.LENGTH];
    Ed25519.sign(seed, 0, publicBytes, 0, message, 0, message.length, signature, 0);
    return Ed25519Signature.of(signature);
  }

  /** A copy of the secret seed, for writing an encrypted key file. Handle with care. */
  public byte[] seedBytes() {
    return seed.clone();
  }

  @Override
  public String toString() {
    return "Ed25519PrivateKey[public " + publicKey + "]";
  }
}
