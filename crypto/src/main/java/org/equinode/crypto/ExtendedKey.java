package org.equinode.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A SLIP-0010 Ed25519 extended private key: the 32-byte private key (an RFC 8032 seed) and the
 * 32-byte chain code that derives its children.
 *
 * <p>A final class rather than a record: a record would hand out its arrays and compare them by
 * identity. Both halves are secret; {@link #toString()} shows only the public key.
 */
public final class ExtendedKey {
  /** The length of the key and of the chain code, in bytes. */
  public static final int LENGTH = 32;

  /** Added to a child number to make a hardened index. */
  public static final int HARDENED = 0x80000000;

  private final byte[] key;
  private final byte[] chainCode;

  private ExtendedKey(byte[] key, byte[] chainCode) {
    this.key = key;
    this.chainCode = chainCode;
  }

  /**
   * The key made of {@code key} and {@code chainCode}, 32 bytes each (copied).
   *
   * @throws CryptoException for any other length
   */
  public static ExtendedKey of(byte[] key, byte[] chainCode) {
    if (key.length != LENGTH || chainCode.length != LENGTH) {
      throw new CryptoException(
          "an extended key is a 32-byte key and a 32-byte chain code, got "
              + key.length
              + " and "
              + chainCode.length);
    }
    return new ExtendedKey(key.clone(), chainCode.clone());
  }

  /** Splits a 64-byte HMAC output into key (left half) and chain code (right half). */
  static ExtendedKey split(byte[] hmac) {
    ExtendedKey out =
        new ExtendedKey(Arrays.copyOf(hmac, LENGTH), Arrays.copyOfRange(hmac, LENGTH, 2 * LENGTH));
    Arrays.fill(hmac, (byte) 0);
    return out;
  }

  /**
   * The child at {@code index}, which must be hardened (2^31 or more as an unsigned number, so
   * negative as a Java int): SLIP-0010 CKDpriv for Ed25519, HMAC-SHA512 keyed with the chain code
   * over {@code 0x00 || key || index} (big-endian).
   *
   * @throws CryptoException if the index is not hardened
   */
  public ExtendedKey child(int index) {
    if ((index & HARDENED) == 0) {
      throw new CryptoException(
          "SLIP-0010 Ed25519 derives hardened children only; index "
              + index
              + " is not hardened (use "
              + index
              + "', that is "
              + Integer.toUnsignedString(index | HARDENED)
              + ")");
    }
    byte[] data = ByteBuffer.allocate(1 + LENGTH + 4).put((byte) 0).put(key).putInt(index).array();
    byte[] hmac = Slip10.hmacSha512(chainCode, data);
    Arrays.fill(data, (byte) 0);
    return split(hmac);
  }

  /** The key at {@code path} below this one, every level hardened. */
  public ExtendedKey derive(DerivationPath path) {
    ExtendedKey current = this;
    for (int level : path.levels()) {
      current = current.child(level | HARDENED);
    }
    return current;
  }

  /** The Ed25519 private key whose RFC 8032 seed is this key. */
  public Ed25519PrivateKey privateKey() {
    return Ed25519PrivateKey.fromSeed(key);
  }

  /** A copy of the 32-byte private key. A secret. */
  public byte[] key() {
    return key.clone();
  }

  /** A copy of the 32-byte chain code. A secret too: with a key it derives every child. */
  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** Equal when key and chain code are equal (each compared in constant time). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ExtendedKey other
        && MessageDigest.isEqual(key, other.key)
        && MessageDigest.isEqual(chainCode, other.chainCode);
  }

  @Override
  public int hashCode() {
    return LENGTH; // says nothing about the secret
  }

  /** Shows the public key, never the private key or chain code. */
  @Override
  public String toString() {
    return "ExtendedKey[public " + privateKey().publicKey() + "]";
  }
}
