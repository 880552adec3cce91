package org.equinode.chain.state;

import org.equinode.chain.ChainException;

/**
 * Chain state that cannot be used: a store that is damaged, belongs to another network, or was left
 * half rebuilt. Never thrown for a bad block from a peer (that is a {@link SubmitVerdict}).
 */
public final class ChainStateException extends ChainException {
  private static final long serialVersionUID = 1L;

  public ChainStateException(String message) {
    super(message);
  }

  /** "chain state in {@code location} is damaged: {@code what}". */
  static ChainStateException damaged(String location, String what) {
    return new ChainStateException("chain state in " + location + " is damaged: " + what);
  }
}
