package org.equinode.chain.consensus;

import org.equinode.chain.ChainException;

/**
 * Local misuse of the consensus API: a context that does not belong to the block, an empty list of
 * times. Never thrown for what a peer sent; that yields a {@link Verdict.Reject}.
 */
public final class ConsensusException extends ChainException {
  private static final long serialVersionUID = 1L;

  public ConsensusException(String message) {
    super(message);
  }
}
