package org.equinode.chain;

/**
 * The root of the chain module's errors: a value that breaks a rule of the ledger, built locally.
 * Bytes from a peer that break a rule are reported by the decoders as a {@link
 * org.equinode.common.DecodeException} and by the checkers as a verdict, never as this.
 */
public class ChainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChainException(String message) {
    super(message);
  }
}
