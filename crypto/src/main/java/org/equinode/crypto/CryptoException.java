package org.equinode.crypto;

/**
 * The root of the crypto module's errors: a key, signature, address or mnemonic that is not valid.
 */
public class CryptoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
