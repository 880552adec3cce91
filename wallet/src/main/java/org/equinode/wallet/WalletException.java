package org.equinode.wallet;

/**
 * The root of the wallet module's errors: local misuse (a bad name, an amount the wallet cannot
 * pay), a wallet that must be unlocked first, or a wallet file that cannot be read. Messages say
 * what was wrong and where; they never contain a mnemonic, passphrase or private key.
 */
public class WalletException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WalletException(String message) {
    super(message);
  }

  public WalletException(String message, Throwable cause) {
    super(message, cause);
  }
}
