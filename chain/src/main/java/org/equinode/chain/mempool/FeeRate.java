package org.equinode.chain.mempool;

import java.util.Locale;
import org.equinode.chain.Amount;

/**
 * A fee per size: base units per 1,000 bytes of a transaction's full encoding (a thousandth of a
 * unit per byte), so that integer arithmetic keeps three decimals of units per byte. A
 * transaction's fee rate is its fee over its encoded size, rounded down.
 *
 * @param unitsPerKb base units per 1,000 bytes, from 0 to {@link #MAX_UNITS_PER_KB}
 */
public record FeeRate(long unitsPerKb) implements Comparable<FeeRate> {
  /** Bytes in the kilobyte of {@link #unitsPerKb}. */
  public static final int BYTES_PER_KB = 1_000;

  /** The highest rate: all the money there is for a single byte. */
  public static final long MAX_UNITS_PER_KB = Amount.MAX_MONEY * BYTES_PER_KB;

  public static final FeeRate ZERO = new FeeRate(0);

  public FeeRate {
    if (unitsPerKb < 0 || unitsPerKb > MAX_UNITS_PER_KB) {
      throw new MempoolException(
          "fee rate " + unitsPerKb + " units/kB is outside 0.." + MAX_UNITS_PER_KB);
    }
  }

  /** Whole base units per byte. */
  public static FeeRate perByte(long units) {
    if (units < 0 || units > Amount.MAX_MONEY) {
      throw new MempoolException(
          "fee rate " + units + " units/B is outside 0.." + Amount.MAX_MONEY);
    }
    return new FeeRate(units * BYTES_PER_KB);
  }

  /**
   * {@code fee} over {@code size} bytes, rounded down.
   *
   * @throws MempoolException if {@code size} is below 1
   */
  public static FeeRate of(Amount fee, long size) {
    if (size < 1) {
      throw new MempoolException("a fee rate needs a size of at least 1 byte, got " + size);
    }
    // fee ≤ MAX_MONEY < 2^51, so fee × 1000 < 2^61: no overflow.
    return new FeeRate(fee.units() * BYTES_PER_KB / size);
  }

  /**
   * The least fee that pays this rate for {@code size} bytes, rounded up; {@link Amount#MAX_MONEY}
   * when the rate is so high that no amount pays it.
   */
  public Amount feeFor(long size) {
    if (size < 0) {
      throw new MempoolException("negative size " + size);
    }
    long high = Math.multiplyHigh(unitsPerKb, size);
    long product = unitsPerKb * size;
    if (high != 0 || product < 0) {
      return Amount.ofUnits(Amount.MAX_MONEY);
    }
    long fee = product / BYTES_PER_KB + (product % BYTES_PER_KB == 0 ? 0 : 1);
    return Amount.ofUnits(Math.min(fee, Amount.MAX_MONEY));
  }

  /** True when {@code fee} for {@code size} bytes pays at least this rate. */
  public boolean isPaidBy(Amount fee, long size) {
    return of(fee, size).compareTo(this) >= 0;
  }

  /** The sum of two rates, capped at {@link #MAX_UNITS_PER_KB}. */
  public FeeRate plus(FeeRate other) {
    return new FeeRate(Math.min(MAX_UNITS_PER_KB, unitsPerKb + other.unitsPerKb));
  }

  @Override
  public int compareTo(FeeRate other) {
    return Long.compare(unitsPerKb, other.unitsPerKb);
  }

  /**
   * Compares the exact fractions {@code feeA / sizeA} and {@code feeB / sizeB} without rounding,
   * for non-negative fees and positive sizes of any magnitude (the products are taken in 128 bits).
   * Ordering by it never ties two transactions whose rates differ below a thousandth of a unit.
   */
  public static int compare(long feeA, long sizeA, long feeB, long sizeB) {
    if (feeA < 0 || feeB < 0 || sizeA < 1 || sizeB < 1) {
      throw new MempoolException(
          "compare needs fees ≥ 0 and sizes ≥ 1, got "
              + feeA
              + "/"
              + sizeA
              + ", "
              + feeB
              + "/"
              + sizeB);
    }
    long leftHigh = Math.multiplyHigh(feeA, sizeB);
    long rightHigh = Math.multiplyHigh(feeB, sizeA);
    if (leftHigh != rightHigh) {
      return Long.compare(leftHigh, rightHigh);
    }
    return Long.compareUnsigned(feeA * sizeB, feeB * sizeA);
  }

  /** As {@code "1.234 units/B"}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%d.%03d units/B", unitsPerKb / BYTES_PER_KB, unitsPerKb % BYTES_PER_KB);
  }
}
