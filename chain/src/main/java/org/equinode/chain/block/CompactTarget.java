package org.equinode.chain.block;

import java.math.BigInteger;
import org.equinode.chain.BlockHash;

/**
 * A proof-of-work target in Bitcoin's 32-bit compact form ("nBits"): the top byte is a length
 * {@code e} in bytes, the low 23 bits a mantissa {@code m}, and the target is {@code m × 256^(e−3)}
 * (bit 23 is a sign bit and must be clear). Only the canonical form of a target between 1 and 2^256
 * − 1 is accepted: the one {@link #of(BigInteger)} produces.
 *
 * <p>A block hash meets the target when, read as a big-endian unsigned 256-bit number, it is at
 * most the target; so a hard target shows as leading zeros in the hash's hex.
 *
 * @param bits the compact form
 */
public record CompactTarget(int bits) {
  /** The largest target a 256-bit hash can be compared with. */
  public static final BigInteger MAX_TARGET =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);
  private static final int SIGN_BIT = 0x0080_0000;
  private static final int MANTISSA = 0x007f_ffff;
  private static final int MANTISSA_BYTES = 3;

  public CompactTarget {
    String text = "compact target 0x" + String.format("%08x", bits);
    if ((bits & SIGN_BIT) != 0) {
      throw new BlockException(text + " has the sign bit set");
    }
    int exponent = bits >>> 24;
    if (exponent > 0x22) {
      throw new BlockException(text + " exceeds 2^256");
    }
    BigInteger target = expand(exponent, bits & MANTISSA);
    if (target.signum() == 0) {
      throw new BlockException(text + " is zero");
    }
    if (target.compareTo(MAX_TARGET) > 0) {
      throw new BlockException(text + " exceeds 2^256");
    }
    if (compress(target) != bits) {
      throw new BlockException(
          text + " is not canonical (0x" + String.format("%08x", compress(target)) + ")");
    }
  }

  /**
   * The compact form of {@code target}, rounded down to its three most significant bytes.
   *
   * @throws BlockException if the target is not between 1 and {@link #MAX_TARGET}
   */
  public static CompactTarget of(BigInteger target) {
    if (target.signum() <= 0 || target.compareTo(MAX_TARGET) > 0) {
      throw new BlockException("a target is 1..2^256-1, got " + target);
    }
    return new CompactTarget(compress(target));
  }

  /** The target as a number. */
  public BigInteger target() {
    return expand(bits >>> 24, bits & MANTISSA);
  }

  /** The expected number of hashes to meet this target: {@code 2^256 / (target + 1)}. */
  public BigInteger work() {
    return TWO_TO_256.divide(target().add(BigInteger.ONE));
  }

  /** True when {@code hash}, read as a big-endian unsigned number, is at most the target. */
  public boolean isMetBy(BlockHash hash) {
    return new BigInteger(1, hash.hash().toByteArray()).compareTo(target()) <= 0;
  }

  private static BigInteger expand(int exponent, int mantissa) {
    BigInteger m = BigInteger.valueOf(mantissa);
    return exponent <= MANTISSA_BYTES
        ? m.shiftRight(8 * (MANTISSA_BYTES - exponent))
        : m.shiftLeft(8 * (exponent - MANTISSA_BYTES));
  }

  private static int compress(BigInteger target) {
    int size = (target.bitLength() + 7) / 8;
    int mantissa =
        size <= MANTISSA_BYTES
            ? target.intValue() << (8 * (MANTISSA_BYTES - size))
            : target.shiftRight(8 * (size - MANTISSA_BYTES)).intValue();
    if ((mantissa & SIGN_BIT) != 0) {
      mantissa >>>= 8;
      size++;
    }
    return (size << 24) | mantissa;
  }

  @Override
  public String toString() {
    return String.format("0x%08x", bits);
  }
}
