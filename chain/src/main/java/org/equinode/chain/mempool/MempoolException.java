package org.equinode.chain.mempool;

import org.equinode.chain.ChainException;

/**
 * Local misuse of the mempool or the miner: a configuration out of range, a template asked of an
 * impossible chain. A transaction from a peer never causes it; that gets a {@link MempoolVerdict}.
 */
public class MempoolException extends ChainException {
  private static final long serialVersionUID = 1L;

  public MempoolException(String message) {
    super(message);
  }
}
