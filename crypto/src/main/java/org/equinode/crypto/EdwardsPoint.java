package org.equinode.crypto;

import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point of the Ed25519 curve {@code -x^2 + y^2 = 1 + d x^2 y^2} over GF(2^255 - 19), in the
 * extended coordinates of Hisil, Wong, Carter and Dawson (2008): {@code x = X/Z}, {@code y = Y/Z},
 * {@code xy = T/Z}. The field arithmetic is BouncyCastle's {@link X25519Field} (ten signed limbs of
 * 25 and 26 bits); the group law on top of it is ours, so that verification can evaluate the
 * equation of {@code docs/crypto.md} exactly, with no lattice split of the scalars.
 *
 * <p>Everything here runs in variable time and is meant for public data only: public keys,
 * signatures, signed messages. Signing, which handles secrets, stays with BouncyCastle's
 * constant-time code. Instances are mutable scratch space owned by one thread; nothing here is
 * shared except the read-only table of multiples of the base point.
 *
 * <p>Limb bounds: {@code X25519Field.mul} and {@code sqr} take the sum or difference of two reduced
 * values (their own outputs, or decoded ones); anything longer is carried first.
 */
final class EdwardsPoint {
  /** The curve constant {@code d = -121665/121666}. */
  private static final int[] D = X25519Field.create();

  /** {@code 2d}, which additions use. */
  private static final int[] D2 = X25519Field.create();

  /** The wNAF window width of the base point's table: 64 odd multiples, 1B to 127B. */
  static final int BASE_WINDOW = 8;

  /** The wNAF window width of a table built for one verification: 8 odd multiples, 1P to 15P. */
  static final int POINT_WINDOW = 5;

  private static final Cached[] BASE_TABLE;

  static {
    int[] numerator = X25519Field.create();
    int[] denominator = X25519Field.create();
    X25519Field.one(numerator);
    X25519Field.mul(numerator, 121665, numerator);
    X25519Field.one(denominator);
    X25519Field.mul(denominator, 121666, denominator);
    X25519Field.invVar(denominator, denominator);
    X25519Field.mul(numerator, denominator, D);
    X25519Field.negate(D, D);
    X25519Field.normalize(D);
    X25519Field.add(D, D, D2);
    X25519Field.normalize(D2);
    byte[] encodedBase = new byte[32];
    encodedBase[0] = 0x58;
    for (int i = 1; i < 32; i++) {
      encodedBase[i] = 0x66;
    }
    BASE_TABLE = decode(encodedBase).orElseThrow().oddMultiples(BASE_WINDOW, true);
  }

  private final int[] x = X25519Field.create();
  private final int[] y = X25519Field.create();
  private final int[] z = X25519Field.create();
  private final int[] t = X25519Field.create();

  private EdwardsPoint() {}

  /** The neutral element (0, 1). */
  static EdwardsPoint identity() {
    EdwardsPoint p = new EdwardsPoint();
    X25519Field.one(p.y);
    X25519Field.one(p.z);
    return p;
  }

  /**
   * Decodes 32 bytes strictly as RFC 8032 section 5.1.3 reads them: {@code y} (bit 255 cleared)
   * must be below p, x is the square root of {@code (y^2 - 1)/(d y^2 + 1)} with the parity of bit
   * 255, and x = 0 with bit 255 set is refused. Empty when the bytes encode no point that way.
   */
  static Optional<EdwardsPoint> decode(byte[] bytes) {
    if (bytes.length != 32 || !isCanonicalCoordinate(bytes)) {
      return Optional.empty();
    }
    EdwardsPoint p = new EdwardsPoint();
    X25519Field.decode(bytes, p.y);
    int[] u = X25519Field.create();
    int[] v = X25519Field.create();
    X25519Field.sqr(p.y, u);
    X25519Field.mul(D, u, v);
    X25519Field.subOne(u);
    X25519Field.addOne(v);
    if (!X25519Field.sqrtRatioVar(u, v, p.x)) {
      return Optional.empty();
    }
    X25519Field.normalize(p.x);
    int sign = (bytes[31] >>> 7) & 1;
    if (sign == 1 && X25519Field.isZeroVar(p.x)) {
      return Optional.empty();
    }
    if ((p.x[0] & 1) != sign) {
      X25519Field.negate(p.x, p.x);
      X25519Field.normalize(p.x);
    }
    X25519Field.one(p.z);
    X25519Field.mul(p.x, p.y, p.t);
    return Optional.of(p);
  }

  /** True when the low 255 bits, as a little-endian integer, are below {@code p = 2^255 - 19}. */
  private static boolean isCanonicalCoordinate(byte[] bytes) {
    if ((bytes[31] & 0x7f) != 0x7f) {
      return true;
    }
    for (int i = 30; i > 0; i--) {
      if (bytes[i] != (byte) 0xff) {
        return true;
      }
    }
    return (bytes[0] & 0xff) < 0xed;
  }

  /** The canonical 32-byte encoding. */
  byte[] encode() {
    int[] inverse = X25519Field.create();
    int[] ax = X25519Field.create();
    int[] ay = X25519Field.create();
    X25519Field.invVar(z, inverse);
    X25519Field.mul(x, inverse, ax);
    X25519Field.mul(y, inverse, ay);
    X25519Field.normalize(ax);
    X25519Field.normalize(ay);
    byte[] out = new byte[32];
    X25519Field.encode(ay, out, 0);
    out[31] |= (byte) ((ax[0] & 1) << 7);
    return out;
  }

  /** True for the neutral element. Normalises the coordinates in place. */
  boolean isIdentity() {
    X25519Field.normalize(x);
    X25519Field.normalize(y);
    X25519Field.normalize(z);
    return X25519Field.isZeroVar(x) && !X25519Field.isZeroVar(y) && X25519Field.areEqualVar(y, z);
  }

  /**
   * {@code [a]P + [b]Q} for the scalars whose wNAF digits are given (from {@link
   * Ed25519Scalar#wnaf}), P and Q as tables of their odd multiples ({@link #oddMultiples}); {@code
   * negateQ} takes {@code -Q} instead. Straus's method: one shared chain of doublings.
   */
  static EdwardsPoint linearCombination(
      byte[] aDigits, Cached[] pTable, byte[] bDigits, Cached[] qTable, boolean negateQ) {
    EdwardsPoint r = identity();
    Workspace w = new Workspace();
    int top = Math.max(aDigits.length, bDigits.length) - 1;
    while (top >= 0 && digit(aDigits, top) == 0 && digit(bDigits, top) == 0) {
      top--;
    }
    for (int i = top; i >= 0; i--) {
      int a = digit(aDigits, i);
      int b = digit(bDigits, i);
      if (i != top) {
        r.doubleInPlace(a != 0 || b != 0, w);
      }
      if (a != 0) {
        r.addInPlace(pTable[Math.abs(a) >> 1], a < 0, w);
      }
      if (b != 0) {
        r.addInPlace(qTable[Math.abs(b) >> 1], (b < 0) != negateQ, w);
      }
    }
    return r;
  }

  /** {@code [a]P} for the scalar whose wNAF digits are given, P as its table of odd multiples. */
  static EdwardsPoint multiply(byte[] digits, Cached[] table) {
    return linearCombination(digits, table, new byte[0], table, false);
  }

  /** {@code [s]B - [k]A}, with B the base point and A given as its table. */
  static EdwardsPoint baseMinus(byte[] sDigits, Cached[] aTable, byte[] kDigits) {
    return linearCombination(sDigits, BASE_TABLE, kDigits, aTable, true);
  }

  private static int digit(byte[] digits, int i) {
    return i < digits.length ? digits[i] : 0;
  }

  /**
   * The odd multiples {@code P, 3P, ..., (2^(window-1) - 1)P} in the form additions take. With
   * {@code affine}, each is scaled to Z = 1 first (one inversion each: for long-lived tables).
   */
  Cached[] oddMultiples(int window, boolean affine) {
    Cached[] table = new Cached[1 << (window - 2)];
    Workspace w = new Workspace();
    EdwardsPoint twice = copy();
    twice.doubleInPlace(true, w);
    Cached step = twice.cached(false);
    EdwardsPoint multiple = copy();
    for (int i = 0; i < table.length; i++) {
      if (i > 0) {
        multiple.addInPlace(step, false, w);
      }
      table[i] = multiple.cached(affine);
    }
    return table;
  }

  /** The table of odd multiples for one scalar multiplication of this point. */
  Cached[] table() {
    return oddMultiples(POINT_WINDOW, false);
  }

  private EdwardsPoint copy() {
    EdwardsPoint p = new EdwardsPoint();
    X25519Field.copy(x, 0, p.x, 0);
    X25519Field.copy(y, 0, p.y, 0);
    X25519Field.copy(z, 0, p.z, 0);
    X25519Field.copy(t, 0, p.t, 0);
    return p;
  }

  private Cached cached(boolean affine) {
    Cached c = new Cached(affine);
    int[] px = x;
    int[] py = y;
    int[] pt = t;
    if (affine) {
      int[] inverse = X25519Field.create();
      px = X25519Field.create();
      py = X25519Field.create();
      pt = X25519Field.create();
      X25519Field.invVar(z, inverse);
      X25519Field.mul(x, inverse, px);
      X25519Field.mul(y, inverse, py);
      X25519Field.mul(px, py, pt);
      X25519Field.one(c.z2);
      X25519Field.add(c.z2, c.z2, c.z2);
    } else {
      X25519Field.add(z, z, c.z2);
    }
    X25519Field.apm(py, px, c.yPlusX, c.yMinusX);
    X25519Field.mul(pt, D2, c.t2d);
    return c;
  }

  /**
   * {@code this = 2 * this}, by the dedicated doubling of Hisil et al. for a = -1 (four squarings,
   * three or four multiplications). T is computed only when {@code withT}: only an addition reads
   * it, so a doubling followed by another doubling skips it.
   */
  private void doubleInPlace(boolean withT, Workspace w) {
    int[] a = w.a;
    int[] b = w.b;
    int[] c = w.c;
    int[] e = w.e;
    int[] g = w.g;
    int[] h = w.h;
    X25519Field.add(x, y, e);
    X25519Field.sqr(x, a);
    X25519Field.sqr(y, b);
    X25519Field.sqr(z, c);
    X25519Field.add(c, c, c);
    X25519Field.sqr(e, e);
    X25519Field.apm(a, b, h, g); // h = A + B, g = A - B
    X25519Field.sub(h, e, e); // e = A + B - (X + Y)^2
    X25519Field.carry(e);
    int[] f = c;
    X25519Field.add(c, g, f); // f = 2Z^2 + A - B
    X25519Field.carry(f);
    X25519Field.mul(e, f, x);
    X25519Field.mul(g, h, y);
    X25519Field.mul(f, g, z);
    if (withT) {
      X25519Field.mul(e, h, t);
    }
  }

  /**
   * {@code this = this + q}, or {@code this - q} with {@code negate}, by the unified addition of
   * Hisil et al. for a = -1, complete on this curve since d is not a square.
   */
  private void addInPlace(Cached q, boolean negate, Workspace w) {
    int[] a = w.a;
    int[] b = w.b;
    int[] c = w.c;
    int[] d = w.d;
    X25519Field.apm(y, x, b, a); // b = Y + X, a = Y - X
    // -q swaps Y + X with Y - X and negates 2dT, which swaps F and G below.
    X25519Field.mul(a, negate ? q.yPlusX : q.yMinusX, a);
    X25519Field.mul(b, negate ? q.yMinusX : q.yPlusX, b);
    X25519Field.mul(t, q.t2d, c);
    if (q.affine) {
      X25519Field.add(z, z, d);
      X25519Field.carry(d);
    } else {
      X25519Field.mul(z, q.z2, d);
    }
    int[] e = w.e;
    int[] f = w.f;
    int[] g = w.g;
    int[] h = w.h;
    X25519Field.apm(b, a, h, e); // h = B + A, e = B - A
    if (negate) {
      X25519Field.apm(d, c, f, g);
    } else {
      X25519Field.apm(d, c, g, f); // g = D + C, f = D - C
    }
    X25519Field.mul(e, f, x);
    X25519Field.mul(g, h, y);
    X25519Field.mul(f, g, z);
    X25519Field.mul(e, h, t);
  }

  /** Temporaries for the group law, allocated once per scalar multiplication. */
  private static final class Workspace {
    final int[] a = X25519Field.create();
    final int[] b = X25519Field.create();
    final int[] c = X25519Field.create();
    final int[] d = X25519Field.create();
    final int[] e = X25519Field.create();
    final int[] f = X25519Field.create();
    final int[] g = X25519Field.create();
    final int[] h = X25519Field.create();
  }

  /**
   * A point prepared as the second operand of additions: {@code Y + X}, {@code Y - X}, {@code 2Z}
   * and {@code 2dT}. An affine one has Z = 1, so its {@code 2Z} is known and the addition saves a
   * multiplication.
   */
  static final class Cached {
    final int[] yPlusX = X25519Field.create();
    final int[] yMinusX = X25519Field.create();
    final int[] z2 = X25519Field.create();
    final int[] t2d = X25519Field.create();
    final boolean affine;

    private Cached(boolean affine) {
      this.affine = affine;
    }
  }
}
