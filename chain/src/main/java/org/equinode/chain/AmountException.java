package org.equinode.chain;

/** An amount that is negative, above {@link Amount#MAX_MONEY}, or text that is not an amount. */
public final class AmountException extends ChainException {
  private static final long serialVersionUID = 1L;

  public AmountException(String message) {
    super(message);
  }
}
