package org.equinode.wallet;

import org.equinode.chain.Amount;

/** The wallet cannot pay: its spendable coins do not cover the amounts and the fee. */
public final class InsufficientFundsException extends WalletException {
  private static final long serialVersionUID = 1L;

  private final long neededUnits;
  private final long availableUnits;

  public InsufficientFundsException(String message, Amount needed, Amount available) {
    super(message);
    this.neededUnits = needed.units();
    this.availableUnits = available.units();
  }

  /** What the payment needs, fee included (the fee for spending every usable coin). */
  public Amount needed() {
    return Amount.ofUnits(neededUnits);
  }

  /** What the coins the wallet may spend now hold. */
  public Amount available() {
    return Amount.ofUnits(availableUnits);
  }
}
