package org.equinode.chain.mempool;

/**
 * Hears transactions enter and leave the mempool (the wallet tracks its pending transactions so).
 * Calls come in the order of the changes, one at a time, never while the mempool's lock is held: a
 * listener may query the mempool. It should return quickly; a listener that throws does not stop
 * the others, and the first exception reaches the caller whose change was being delivered.
 */
public interface MempoolListener {
  /** {@code entry} entered the mempool. */
  default void added(MempoolEntry entry) {}

  /** {@code entry} left the mempool, for {@code reason}. */
  default void removed(MempoolEntry entry, RemovalReason reason) {}
}
