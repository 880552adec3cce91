package org.equinode.crypto;

import java.math.BigInteger;

/**
 * Scalars modulo the group order {@code L = 2^252 + 27742317777372353535851937790883648493}, as
 * verification needs them: the canonical check of S, the reduction of the 512-bit challenge, and
 * the signed digits (wNAF) that drive {@link EdwardsPoint#linearCombination}. Variable time, for
 * public scalars only.
 */
final class Ed25519Scalar {
  /** The group order L. */
  static final BigInteger ORDER =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  /** L as four little-endian 64-bit words. */
  private static final long[] ORDER_WORDS = words(ORDER);

  /** The wNAF digits of L itself, for the order check of a point. */
  static final byte[] ORDER_DIGITS = wnaf(ORDER_WORDS, EdwardsPoint.POINT_WINDOW);

  private Ed25519Scalar() {}

  /**
   * The 32 bytes at {@code offset}, read as a little-endian integer of all 256 bits (no bit
   * masked), as four words.
   */
  static long[] fromBytes(byte[] bytes, int offset) {
    long[] s = new long[4];
    for (int i = 0; i < 4; i++) {
      s[i] = littleEndianLong(bytes, offset + 8 * i);
    }
    return s;
  }

  /** True when the four words, unsigned little-endian, are below L. */
  static boolean isBelowOrder(long[] s) {
    for (int i = 3; i >= 0; i--) {
      int cmp = Long.compareUnsigned(s[i], ORDER_WORDS[i]);
      if (cmp != 0) {
        return cmp < 0;
      }
    }
    return false;
  }

  /** A 64-byte little-endian integer (a SHA-512 output) reduced modulo L, as four words. */
  static long[] reduceWide(byte[] wide) {
    byte[] bigEndian = new byte[wide.length];
    for (int i = 0; i < wide.length; i++) {
      bigEndian[i] = wide[wide.length - 1 - i];
    }
    return words(new BigInteger(1, bigEndian).mod(ORDER));
  }

  /**
   * The width-{@code window} non-adjacent form of a scalar below 2^253: 256 signed digits, least
   * significant first, each zero or odd with absolute value below {@code 2^(window-1)}, any two
   * non-zero digits at least {@code window} positions apart, and {@code sum digit[i] * 2^i} equal
   * to the scalar.
   */
  static byte[] wnaf(long[] scalar, int window) {
    byte[] digits = new byte[256];
    int mask = (1 << window) - 1;
    int full = 1 << window;
    int half = full >> 1;
    int carry = 0;
    int position = 0;
    while (position < 256) {
      int word = position >>> 6;
      int bit = position & 63;
      long bits = scalar[word] >>> bit;
      if (bit + window > 64 && word < 3) {
        bits |= scalar[word + 1] << (64 - bit);
      }
      int value = carry + (int) (bits & mask);
      if ((value & 1) == 0) {
        // Nothing to emit here; a pending carry (value even only if the low bit was 1 too) moves up
        // one position with the scan.
        position++;
        continue;
      }
      if (value < half) {
        digits[position] = (byte) value;
        carry = 0;
      } else {
        digits[position] = (byte) (value - full);
        carry = 1;
      }
      position += window;
    }
    return digits;
  }

  private static long[] words(BigInteger value) {
    long[] words = new long[4];
    for (int i = 0; i < 4; i++) {
      words[i] = value.shiftRight(64 * i).longValue();
    }
    return words;
  }

  private static long littleEndianLong(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[offset + i] & 0xff);
    }
    return value;
  }
}
