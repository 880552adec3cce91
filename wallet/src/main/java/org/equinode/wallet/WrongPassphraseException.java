package org.equinode.wallet;

/**
 * The passphrase does not open the wallet's encrypted section (its AES-GCM tag does not verify).
 * Nothing was decrypted: the wallet stays locked.
 */
public final class WrongPassphraseException extends WalletException {
  private static final long serialVersionUID = 1L;

  public WrongPassphraseException(String message) {
    super(message);
  }
}
