package org.equinode.chain.mempool;

/** Why a transaction left the mempool, as listeners hear it. */
public enum RemovalReason {
  /** A connected block included it. */
  CONFIRMED,
  /** A connected block spent one of its inputs (or an ancestor's) in another transaction. */
  CONFLICT,
  /** A transaction paying more replaced it or an ancestor (replace-by-fee). */
  REPLACED,
  /** The mempool was full and it (or an ancestor) had the lowest fee rate. */
  EVICTED,
  /** It (or an ancestor) stayed longer than the expiry. */
  EXPIRED,
  /** After a block was disconnected it was no longer valid for the next block. */
  REORG
}
