package org.equinode.chain.tx;

import org.equinode.chain.ChainException;

/** A transaction built locally that breaks a rule: no inputs, a limit passed, a witness missing. */
public final class TxException extends ChainException {
  private static final long serialVersionUID = 1L;

  public TxException(String message) {
    super(message);
  }
}
