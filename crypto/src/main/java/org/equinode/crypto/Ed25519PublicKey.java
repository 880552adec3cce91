package org.equinode.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.equinode.common.Hex;
import org.jspecify.annotations.Nullable;

/**
 * An Ed25519 public key: the canonical 32-byte encoding of a curve point of prime order L. The
 * point is decoded and checked once, when the key is parsed, so that each verification skips that
 * work.
 *
 * <p>The verification rule is a consensus rule, stated exactly in {@code docs/crypto.md}: A and R
 * must be canonical encodings of points of order exactly L (no small-order or mixed-order point, no
 * identity), S must be below L, and {@code [S]B = R + [k]A} with {@code k = SHA-512(R || A || M)
 * mod L}. {@link #verify} evaluates it as {@code encode([S]B - [k]A) == R_bytes}: with A of order L
 * that one comparison also proves R canonical and of prime order, so R is never decoded.
 */
public final class Ed25519PublicKey {
  /** The length in bytes. */
  public static final int LENGTH = 32;

  private static final MessageDigest SHA512 = sha512();

  /**
   * Recently parsed keys, direct-mapped by their low bytes: the order check of A costs about as
   * much as a verification, and a key that receives many payments is parsed again for each coin it
   * spends. Races are harmless: a slot holds an immutable key or nothing, and a miss only costs the
   * full parse. Only valid keys enter, so the cache never changes a verdict; crafted keys that
   * collide only evict each other.
   */
  private static final @Nullable Ed25519PublicKey[] RECENT = new Ed25519PublicKey[4096];

  /** The scalar 8 as wNAF digits: [8]P tells small-order points from mixed-order ones. */
  private static final byte[] EIGHT_DIGITS = {0, 0, 0, 1};

  private final byte[] bytes;
  private final EdwardsPoint point;

  private Ed25519PublicKey(byte[] bytes, EdwardsPoint point) {
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
    int slot = ((bytes[0] & 0xff) | (bytes[1] & 0xff) << 8) & (RECENT.length - 1);
    Ed25519PublicKey recent = RECENT[slot];
    if (recent != null && Arrays.equals(recent.bytes, bytes)) {
      return recent;
    }
    byte[] copy = bytes.clone();
    EdwardsPoint point =
        EdwardsPoint.decode(copy)
            .orElseThrow(
                () ->
                    new CryptoException(
                        "not an Ed25519 public key: "
                            + Hex.encode(copy)
                            + " is not the canonical encoding of a curve point"));
    EdwardsPoint.Cached[] table = point.table();
    boolean identity = point.isIdentity();
    if (identity || !EdwardsPoint.multiply(Ed25519Scalar.ORDER_DIGITS, table).isIdentity()) {
      // [L]A = O with A != O is order L exactly. Otherwise [8]A tells the torsion apart.
      throw new CryptoException(
          identity || EdwardsPoint.multiply(EIGHT_DIGITS, table).isIdentity()
              ? "not an Ed25519 public key: " + Hex.encode(copy) + " is a point of small order"
              : "not an Ed25519 public key: "
                  + Hex.encode(copy)
                  + " is a point outside the prime-order subgroup (it has a torsion component)");
    }
    Ed25519PublicKey key = new Ed25519PublicKey(copy, point);
    RECENT[slot] = key;
    return key;
  }

  /**
   * The public key {@code [a]B} that BouncyCastle derived from a seed: of order L by construction,
   * so only decoded, without the order check of {@link #parse} (which costs about as much as a
   * verification).
   */
  static Ed25519PublicKey derived(byte[] bytes) {
    EdwardsPoint point =
        EdwardsPoint.decode(bytes)
            .orElseThrow(() -> new IllegalStateException("BouncyCastle derived an invalid key"));
    return new Ed25519PublicKey(bytes.clone(), point);
  }

  /**
   * True when {@code signature} is this key's signature of {@code message} under the rule of {@code
   * docs/crypto.md}.
   */
  public boolean verify(byte[] message, Ed25519Signature signature) {
    byte[] sig = signature.bytes();
    long[] s = Ed25519Scalar.fromBytes(sig, 32);
    if (!Ed25519Scalar.isBelowOrder(s) || isIdentityEncoding(sig)) {
      return false;
    }
    MessageDigest digest = sha512Copy();
    digest.update(sig, 0, 32);
    digest.update(bytes);
    digest.update(message);
    long[] k = Ed25519Scalar.reduceWide(digest.digest());
    // P = [S]B - [k]A lies in the prime-order subgroup, as B and A do. Its encoding is canonical,
    // so equality with R_bytes proves R canonical and R = P; refusing the identity's encoding
    // leaves R of order exactly L. Conversely a valid R equals P and encodes to R_bytes.
    byte[] encoded =
        EdwardsPoint.baseMinus(
                Ed25519Scalar.wnaf(s, EdwardsPoint.BASE_WINDOW),
                point.table(),
                Ed25519Scalar.wnaf(k, EdwardsPoint.POINT_WINDOW))
            .encode();
    return Arrays.equals(encoded, 0, 32, sig, 0, 32);
  }

  /** True when R is 01 00 .. 00, the identity, whose order is 1. */
  private static boolean isIdentityEncoding(byte[] sig) {
    if (sig[0] != 1) {
      return false;
    }
    for (int i = 1; i < 32; i++) {
      if (sig[i] != 0) {
        return false;
      }
    }
    return true;
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

  private static MessageDigest sha512Copy() {
    try {
      return (MessageDigest) SHA512.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-512 cannot be cloned", e);
    }
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-512", e);
    }
  }
}
