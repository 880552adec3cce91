package org.equinode.chain.block;

import org.equinode.chain.ChainException;

/** A block, header or target built locally that breaks a rule. */
public final class BlockException extends ChainException {
  private static final long serialVersionUID = 1L;

  public BlockException(String message) {
    super(message);
  }
}
