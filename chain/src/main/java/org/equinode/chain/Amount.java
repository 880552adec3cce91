package org.equinode.chain;

import java.util.Optional;
import java.util.regex.Pattern;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;

/**
 * A quantity of the coin in base units: 1 EQ = 100,000,000 units. Always within 0 and {@link
 * #MAX_MONEY}; arithmetic refuses to leave that range. Never a {@code double}.
 *
 * @param units the number of base units
 */
public record Amount(long units) implements Comparable<Amount> {
  /** Base units in one EQ. */
  public static final long UNITS_PER_EQ = 100_000_000L;

  /** Decimal places of an EQ amount written as text. */
  public static final int DECIMALS = 8;

  /**
   * The most coin that can ever exist: 21,000,000 EQ. No amount and no sum of amounts exceeds it.
   */
  public static final long MAX_MONEY = 21_000_000L * UNITS_PER_EQ;

  /** The length of an encoded amount: an unsigned 64-bit little-endian integer. */
  public static final int ENCODED_LENGTH = 8;

  public static final Amount ZERO = new Amount(0);

  // At most 8 integer digits (21,000,000 has 8), no leading zeros, at most 8 decimals.
  private static final Pattern TEXT = Pattern.compile("(0|[1-9][0-9]{0,7})(?:\\.([0-9]{1,8}))?");

  public Amount {
    if (units < 0) {
      throw new AmountException("negative amount " + units + " units");
    }
    if (units > MAX_MONEY) {
      throw new AmountException(
          "amount " + units + " units exceeds MAX_MONEY " + MAX_MONEY + " units");
    }
  }

  public static Amount ofUnits(long units) {
    return new Amount(units);
  }

  /** Whole EQ. */
  public static Amount ofEq(long eq) {
    if (eq < 0 || eq > MAX_MONEY / UNITS_PER_EQ) {
      throw new AmountException(eq + " EQ is outside 0.." + MAX_MONEY / UNITS_PER_EQ + " EQ");
    }
    return new Amount(eq * UNITS_PER_EQ);
  }

  /**
   * Parses EQ written in decimal, such as {@code "12.5"} or {@code "0.00000001"}: digits without a
   * sign, without leading zeros, with at most 8 decimals after a point.
   *
   * @throws AmountException for any other text or an amount above {@link #MAX_MONEY}
   */
  public static Amount parse(String text) {
    var matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      throw new AmountException(
          "not an EQ amount: '" + text + "' (expected digits with at most 8 decimals)");
    }
    long whole = Long.parseLong(matcher.group(1));
    String decimals = matcher.group(2);
    long fraction = 0;
    if (decimals != null) {
      fraction = Long.parseLong(decimals) * pow10(DECIMALS - decimals.length());
    }
    if (whole > MAX_MONEY / UNITS_PER_EQ) {
      throw new AmountException("amount '" + text + "' exceeds 21000000 EQ");
    }
    long units = whole * UNITS_PER_EQ + fraction;
    if (units > MAX_MONEY) {
      throw new AmountException("amount '" + text + "' exceeds 21000000 EQ");
    }
    return new Amount(units);
  }

  private static long pow10(int exponent) {
    long value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 10;
    }
    return value;
  }

  /** Decimal EQ text without trailing zeros: {@code "12.5"}, {@code "3"}, {@code "0.00000001"}. */
  public String format() {
    long whole = units / UNITS_PER_EQ;
    long fraction = units % UNITS_PER_EQ;
    if (fraction == 0) {
      return Long.toString(whole);
    }
    String digits = String.format("%08d", fraction);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + digits.substring(0, end);
  }

  /** The sum, or empty when it would exceed {@link #MAX_MONEY}. */
  public Optional<Amount> tryAdd(Amount other) {
    long sum = units + other.units; // both at most MAX_MONEY: no long overflow
    return sum > MAX_MONEY ? Optional.empty() : Optional.of(new Amount(sum));
  }

  /**
   * The sum.
   *
   * @throws AmountException if it exceeds {@link #MAX_MONEY}
   */
  public Amount add(Amount other) {
    return tryAdd(other)
        .orElseThrow(() -> new AmountException(this + " + " + other + " exceeds MAX_MONEY"));
  }

  /** The difference, or empty when it would be negative. */
  public Optional<Amount> trySubtract(Amount other) {
    long difference = units - other.units;
    return difference < 0 ? Optional.empty() : Optional.of(new Amount(difference));
  }

  /**
   * The difference.
   *
   * @throws AmountException if it is negative
   */
  public Amount subtract(Amount other) {
    return trySubtract(other)
        .orElseThrow(() -> new AmountException(this + " - " + other + " is negative"));
  }

  public boolean isZero() {
    return units == 0;
  }

  /** Reads an unsigned 64-bit little-endian amount, which must not exceed {@link #MAX_MONEY}. */
  public static Amount read(ByteReader reader) {
    long units = reader.readInt64LE();
    if (units < 0 || units > MAX_MONEY) {
      throw new MalformedException(
          "amount " + Long.toUnsignedString(units) + " units exceeds MAX_MONEY");
    }
    return new Amount(units);
  }

  public void write(ByteWriter writer) {
    writer.writeInt64LE(units);
  }

  @Override
  public int compareTo(Amount other) {
    return Long.compare(units, other.units);
  }

  /** The amount as {@code "12.5 EQ"}. */
  @Override
  public String toString() {
    return format() + " EQ";
  }
}
