package org.equinode.chain.lock;

import org.equinode.chain.ChainException;

/** A lock or witness built locally that breaks a rule: a threshold out of range, a limit passed. */
public final class LockException extends ChainException {
  private static final long serialVersionUID = 1L;

  public LockException(String message) {
    super(message);
  }
}
