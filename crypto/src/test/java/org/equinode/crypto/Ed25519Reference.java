package org.equinode.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A slow, plain implementation of Equinode's Ed25519 verification rule, written from RFC 8032
 * section 5.1 with {@link BigInteger} arithmetic, for tests only. It states the rule of {@code
 * docs/crypto.md} literally, so that tests can check the production code (which evaluates it as
 * {@code encode([S]B - [k]A) == R} with its own group law) against it, and it builds crafted points
 * (torsion components, non-canonical encodings) that no honest signer produces.
 */
final class Ed25519Reference {
  static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
  static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger D2 = D.shiftLeft(1).mod(P);
  private static final BigInteger SQRT_M1 =
      BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

  /** The neutral element (0, 1). */
  static final Point IDENTITY =
      new Point(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

  /** The base point B: y = 4/5, x even. */
  static final Point BASE;

  static {
    BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
    BASE = decode(encodeCoordinates(BigInteger.ZERO, y)).orElseThrow();
  }

  private Ed25519Reference() {}

  /** A point in extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z. */
  record Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
    /** The sum, by the complete addition law of the twisted Edwards curve with a = -1. */
    Point add(Point q) {
      BigInteger a = y.subtract(x).multiply(q.y.subtract(q.x)).mod(P);
      BigInteger b = y.add(x).multiply(q.y.add(q.x)).mod(P);
      BigInteger c = t.multiply(D2).multiply(q.t).mod(P);
      BigInteger d = z.shiftLeft(1).multiply(q.z).mod(P);
      BigInteger e = b.subtract(a);
      BigInteger f = d.subtract(c);
      BigInteger g = d.add(c);
      BigInteger h = b.add(a);
      return new Point(
          e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
    }

    /** [k]this for k >= 0, by double-and-add. */
    Point multiply(BigInteger k) {
      Point result = IDENTITY;
      for (int i = k.bitLength() - 1; i >= 0; i--) {
        result = result.add(result);
        if (k.testBit(i)) {
          result = result.add(this);
        }
      }
      return result;
    }

    Point negate() {
      return new Point(P.subtract(x).mod(P), y, z, P.subtract(t).mod(P));
    }

    boolean sameAs(Point q) {
      return x.multiply(q.z).subtract(q.x.multiply(z)).mod(P).signum() == 0
          && y.multiply(q.z).subtract(q.y.multiply(z)).mod(P).signum() == 0;
    }

    boolean isIdentity() {
      return sameAs(IDENTITY);
    }

    /** True when the order of the point is exactly L: not the identity, and [L]P is. */
    boolean hasPrimeOrder() {
      return !isIdentity() && multiply(L).isIdentity();
    }

    /** The canonical 32-byte encoding: y little-endian, the parity of x in bit 255. */
    byte[] encode() {
      BigInteger inverse = z.modInverse(P);
      return encodeCoordinates(x.multiply(inverse).mod(P), y.multiply(inverse).mod(P));
    }
  }

  private static byte[] encodeCoordinates(BigInteger x, BigInteger y) {
    byte[] out = littleEndian(y, 32);
    if (x.testBit(0)) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  /**
   * Decodes as RFC 8032 section 5.1.3 says, strictly: y must be below p, and x = 0 must come with a
   * clear sign bit. Empty when the bytes do not encode a point that way.
   */
  static Optional<Point> decode(byte[] bytes) {
    if (bytes.length != 32) {
      return Optional.empty();
    }
    byte[] copy = bytes.clone();
    boolean sign = (copy[31] & 0x80) != 0;
    copy[31] &= 0x7f;
    BigInteger y = fromLittleEndian(copy);
    if (y.compareTo(P) >= 0) {
      return Optional.empty();
    }
    BigInteger u = y.multiply(y).subtract(BigInteger.ONE).mod(P);
    BigInteger v = D.multiply(y).multiply(y).add(BigInteger.ONE).mod(P);
    BigInteger v3 = v.modPow(BigInteger.valueOf(3), P);
    BigInteger v7 = v3.multiply(v3).multiply(v).mod(P);
    BigInteger exponent = P.subtract(BigInteger.valueOf(5)).shiftRight(3);
    BigInteger x = u.multiply(v3).multiply(u.multiply(v7).modPow(exponent, P)).mod(P);
    BigInteger vx2 = v.multiply(x).multiply(x).mod(P);
    if (!vx2.equals(u)) {
      if (vx2.equals(P.subtract(u).mod(P))) {
        x = x.multiply(SQRT_M1).mod(P);
      } else {
        return Optional.empty();
      }
    }
    if (x.signum() == 0 && sign) {
      return Optional.empty();
    }
    if (x.testBit(0) != sign) {
      x = P.subtract(x);
    }
    return Optional.of(new Point(x, y, BigInteger.ONE, x.multiply(y).mod(P)));
  }

  /** Whether the rule accepts these bytes as a public key: canonical, and of order exactly L. */
  static boolean isValidPublicKey(byte[] publicKey) {
    return decode(publicKey).map(Point::hasPrimeOrder).orElse(false);
  }

  /** The rule of {@code docs/crypto.md}, step by step. */
  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != 32 || signature.length != 64) {
      return false;
    }
    Optional<Point> a = decode(publicKey).filter(Point::hasPrimeOrder);
    byte[] rBytes = Arrays.copyOfRange(signature, 0, 32);
    Optional<Point> r = decode(rBytes).filter(Point::hasPrimeOrder);
    BigInteger s = fromLittleEndian(Arrays.copyOfRange(signature, 32, 64));
    if (a.isEmpty() || r.isEmpty() || s.compareTo(L) >= 0) {
      return false;
    }
    BigInteger k = challenge(rBytes, publicKey, message);
    return BASE.multiply(s).sameAs(r.get().add(a.get().multiply(k)));
  }

  /** k = SHA-512(R || A || M) as a little-endian integer, reduced mod L. */
  static BigInteger challenge(byte[] r, byte[] publicKey, byte[] message) {
    MessageDigest sha512 = sha512();
    sha512.update(r);
    sha512.update(publicKey);
    sha512.update(message);
    return fromLittleEndian(sha512.digest()).mod(L);
  }

  /** The secret scalar a of a seed, clamped as RFC 8032 section 5.1.5 says. */
  static BigInteger secretScalar(byte[] seed) {
    byte[] h = Arrays.copyOf(sha512().digest(seed), 32);
    h[0] &= (byte) 0xf8;
    h[31] &= 0x7f;
    h[31] |= 0x40;
    return fromLittleEndian(h);
  }

  static BigInteger fromLittleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  static byte[] littleEndian(BigInteger value, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = value.shiftRight(8 * i).byteValue();
    }
    return out;
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-512", e);
    }
  }
}
