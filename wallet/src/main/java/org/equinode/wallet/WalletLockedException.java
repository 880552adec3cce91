package org.equinode.wallet;

/** The operation needs the wallet's secrets, and the wallet is locked: unlock it first. */
public final class WalletLockedException extends WalletException {
  private static final long serialVersionUID = 1L;

  public WalletLockedException(String message) {
    super(message);
  }
}
