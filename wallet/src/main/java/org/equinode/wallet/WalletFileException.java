package org.equinode.wallet;

/**
 * A wallet file that cannot be used: missing, unreadable, not a wallet file, of an unknown format
 * version, truncated, corrupted, or altered. The message names the file and what is wrong.
 */
public final class WalletFileException extends WalletException {
  private static final long serialVersionUID = 1L;

  public WalletFileException(String message) {
    super(message);
  }

  public WalletFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
