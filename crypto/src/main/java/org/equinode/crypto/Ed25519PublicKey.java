package org.equinode.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.equinode.common.Hex;

/**
 * An Ed25519 public key: the canonical 32-byte encoding of a curve point of prime order L. The
 * point is decoded and checked once, when the key is parsed, so that each verification skips that
 * work.
 *
 * <p>The verification rule is a consensus rule, stated exactly in {@code docs/crypto.md}: A and R
 * must be canonical encodings of points of order exactly L (no small-order or mixed-order point, no
 * identity), S must be below L, and {@code [S]B = R + [k]A} with {@code k = SHA-512(R || A || M)
 * mod L}. With torsion excluded from A and R, the cofactored and cofactorless equations (and
 * BouncyCastle's own evaluation of them) give the same verdict on every input.
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
   * @throws CryptoException if the bytes are not 32 long, are not the canonical encoding of a curve
   *     point, or encode a point whose order is not L (a small-order or mixed-order point)
   */
  public static Ed25519PublicKey parse(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new CryptoException("an Ed25519 public key is 32 bytes, got " + bytes.length);
    }
    byte[] copy = bytes.clone();
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(copy, 0);
    if (point == null) {
      throw new CryptoException(
          Ed25519.validatePublicKeyPartial(copy, 0)
              ? "not an Ed25519 public key: "
                  + Hex.encode(copy)
                  + " is a point outside the prime-order subgroup (it has a torsion component)"
              : "not an Ed25519 public key: "
                  + Hex.encode(copy)
                  + " is not the canonical encoding of a curve point, or is a point of small order");
    }
    return new Ed25519PublicKey(copy, point);
  }

  /**
   * The public key {@code [a]B} that BouncyCastle derived from a seed: of order L by construction,
   * so only decoded, without the order check of {@link #parse} (which costs more than a
   * verification).
   */
  static Ed25519PublicKey derived(byte[] bytes) {
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(bytes, 0);
    if (point == null) {
      throw new IllegalStateException("BouncyCastle derived an invalid public key");
    }
    return new Ed25519PublicKey(bytes.clone(), point);
  }

  /**
   * True when {@code signature} is this key's signature of {@code message} under the rule of {@code
   * docs/crypto.md}.
   */
  public boolean verify(byte[] message, Ed25519Signature signature) {
    byte[] sig = signature.bytes();
    // BouncyCastle checks that R is canonical, that S < L, and the equation, which it evaluates as
    // [v1*S]B = [v1]R + [v0]A for a split k = v0/v1 mod L. With A of prime order that is exact for
    // the prime-order part of R but lets a torsion component T of R through whenever [v1]T = 0;
    // requiring R itself to have order L closes that gap (and refuses small-order R). Checked
    // second, so that a signature failing the cheaper checks costs one verification only.
    return Ed25519.verify(sig, 0, point, message, 0, message.length)
        && Ed25519.validatePublicKeyFull(sig, 0);
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
