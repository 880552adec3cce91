package org.equinode.chain.mempool;

/**
 * Why the mempool did not take a transaction, each with a stable code for RPC answers and logs.
 * Only {@link #INVALID} says that the transaction breaks a consensus rule; the others are the
 * mempool's own policy or state, and a peer that relayed such a transaction did nothing wrong.
 */
public enum MempoolReason {
  /** A consensus rule is broken; the verdict carries the {@code RejectReason}. */
  INVALID("invalid"),
  /** A transaction with this txid is already in the mempool or in the orphan pool. */
  ALREADY_KNOWN("txn-already-known"),
  /** An input spends an output that neither the chain nor the mempool has (yet). */
  ORPHAN("missing-inputs"),
  /** It spends an output that a mempool transaction spends, and replace-by-fee cannot apply. */
  CONFLICT("txn-mempool-conflict"),
  /** It would replace mempool transactions but does not pay enough more than they do. */
  RBF_INSUFFICIENT_FEE("rbf-insufficient-fee"),
  /** Its fee rate is below the minimum relay fee rate or the mempool's current minimum. */
  INSUFFICIENT_FEE("min-fee-not-met"),
  /** The mempool is full and the transaction was the one with the lowest fee rate. */
  MEMPOOL_FULL("mempool-full"),
  /** It would have too many unconfirmed ancestors, or give one of them too many descendants. */
  TOO_LONG_CHAIN("too-long-mempool-chain");

  private final String code;

  MempoolReason(String code) {
    this.code = code;
  }

  /** The stable short code, such as {@code "txn-mempool-conflict"}. */
  public String code() {
    return code;
  }
}
