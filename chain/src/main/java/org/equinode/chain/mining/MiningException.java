package org.equinode.chain.mining;

import org.equinode.chain.ChainException;

/** Local misuse of the assembler or the miner: extra data too long, a thread count out of range. */
public class MiningException extends ChainException {
  private static final long serialVersionUID = 1L;

  public MiningException(String message) {
    super(message);
  }
}
