package org.equinode.chain.mempool;

import org.equinode.chain.Amount;
import org.equinode.chain.TxId;
import org.equinode.chain.tx.Tx;

/**
 * A transaction in the mempool, as accepted: an immutable snapshot that queries and listeners get.
 *
 * @param tx the transaction
 * @param fee what its inputs spend minus what its outputs create
 * @param sigOps the signatures its witnesses carry, which count against a block's budget
 * @param time when it entered the mempool, in seconds since the Unix epoch (for expiry)
 * @param height the height of the block it was checked for: the tip's plus one at the time
 */
public record MempoolEntry(Tx tx, Amount fee, int sigOps, long time, int height) {
  public MempoolEntry {
    if (sigOps < 0) {
      throw new MempoolException("negative signature count " + sigOps);
    }
  }

  public TxId txId() {
    return tx.txId();
  }

  /** The full encoding's length in bytes: what the fee rate and the mempool's cap count. */
  public int size() {
    return tx.size();
  }

  /** The fee over the size. */
  public FeeRate feeRate() {
    return FeeRate.of(fee, size());
  }
}
