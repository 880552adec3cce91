package org.equinode.api.chain;

import java.math.BigDecimal;
import org.equinode.api.RpcException;
import org.equinode.chain.Amount;
import org.equinode.chain.AmountException;

/** Amounts in JSON: EQ with exactly 8 decimals, as bitcoind prints BTC. */
public final class Amounts {
  private static final int DECIMALS = 8;

  private Amounts() {}

  /** {@code 1250000000} units as {@code 12.50000000}. */
  public static BigDecimal toJson(Amount amount) {
    return BigDecimal.valueOf(amount.units(), DECIMALS);
  }

  /**
   * An amount given in EQ, refused if it has more than 8 decimals, is negative or too large.
   *
   * @param what the parameter, for the message
   */
  public static Amount fromJson(BigDecimal eq, String what) {
    try {
      return Amount.ofUnits(eq.movePointRight(DECIMALS).longValueExact());
    } catch (ArithmeticException | AmountException e) {
      throw RpcException.invalidParameter(
          what + " " + shortForm(eq) + " is not an amount of EQ with at most 8 decimals");
    }
  }

  /**
   * The number as written when it is short, else in scientific notation: the plain form of {@code
   * 1e999999999} would be a billion characters.
   */
  private static String shortForm(BigDecimal value) {
    return Math.abs((long) value.precision() - value.scale()) <= 40 && value.scale() <= 40
        ? value.toPlainString()
        : value.toString();
  }
}
