package org.equinode.chain.lock;

/** Whether a witness satisfies a lock: accepted with its cost, or rejected with the rule broken. */
public sealed interface LockVerdict permits LockVerdict.Accept, LockVerdict.Reject {
  /** True for {@link Accept}. */
  default boolean isAccepted() {
    return this instanceof Accept;
  }

  /**
   * The witness satisfies the lock.
   *
   * @param sigChecks the signatures verified ("sigops"), for a block-wide limit
   */
  record Accept(int sigChecks) implements LockVerdict {}

  /**
   * The witness does not satisfy the lock.
   *
   * @param reason the rule broken and where, such as {@code "MULTI at /1: signature for key 2 does
   *     not verify"}
   */
  record Reject(String reason) implements LockVerdict {}
}
