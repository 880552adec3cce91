package org.equinode.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.equinode.common.Hex;

/**
 * An Ed25519 public key: 32 bytes that decode to a point on the curve. The point is decoded once,
 * when the key is parsed, so that each verification skips that work.
 *
 * <p>Verification follows RFC 8032 as BouncyCastle implements it; {@code docs/crypto.md} states the
 * exact rule and the tests pin its edge cases.
 */
public final class Ed25519PublicKey {
  /** The length in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;
  private final Ed25519.PublicPoint point;

  private Ed25519PublicKey(byte[] bytes, Ed25519.PublicPoint point) {
    this.bytes = bytes;
    this.point = point;
  }

  /**
   * Parses 32 bytes.
   *
   * @throws CryptoException if the bytes are not 32 long or are not the encoding of a curve point
   */
  public static Ed25519PublicKey parse(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new CryptoException("an Ed25519 public key is 32 bytes, got " + bytes.length);
    }
    byte[] copy = bytes.clone();
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(copy, 0);
    if (point == null) {
      throw new CryptoException("not an Ed25519 public key: " + Hex.encode(copy));
    }
    return new Ed25519PublicKey(copy, point);
  }

  /** True when {@code signature} is this key's signature of {@code message}. */
  public boolean verify(byte[] message, Ed25519Signature signature) {
    return Ed25519.verify(signature.bytes(), 0, point, message, 0, message.length);
  }

  /** A copy of the 32 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
