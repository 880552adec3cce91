package org.equinode.chain.consensus;

import java.util.Optional;
import java.util.function.Function;

/**
 * The answer of a consensus check: accepted with a result, or rejected with the rule broken and a
 * detail that says where. Never an exception for what a peer sent.
 *
 * @param <T> the result of an acceptance
 */
public sealed interface Verdict<T> permits Verdict.Accept, Verdict.Reject {
  /**
   * Accepted.
   *
   * @param result what the check found out (fees, spent coins, the block's height, ...)
   */
  record Accept<T>(T result) implements Verdict<T> {}

  /**
   * Rejected.
   *
   * @param reason the rule broken
   * @param detail what broke it and where, such as {@code "tx 3f.. input 1: SIG at /: signature
   *     does not verify"}
   */
  record Reject<T>(RejectReason reason, String detail) implements Verdict<T> {
    /** The same rejection as a verdict of another result type. */
    public <U> Reject<U> retype() {
      return new Reject<>(reason, detail);
    }

    @Override
    public String toString() {
      return reason.code() + ": " + detail;
    }
  }

  static <T> Verdict<T> accept(T result) {
    return new Accept<>(result);
  }

  static <T> Verdict<T> reject(RejectReason reason, String detail) {
    return new Reject<>(reason, detail);
  }

  default boolean isAccepted() {
    return this instanceof Accept;
  }

  /** The reason of a rejection, empty when accepted. */
  default Optional<RejectReason> rejectReason() {
    return this instanceof Reject<T> reject ? Optional.of(reject.reason()) : Optional.empty();
  }

  /** The next check on an accepted result; a rejection passes through unchanged. */
  default <U> Verdict<U> then(Function<? super T, Verdict<U>> next) {
    return switch (this) {
      case Accept<T> accept -> next.apply(accept.result());
      case Reject<T> reject -> reject.retype();
    };
  }

  /**
   * The accepted result, for a caller to whom a rejection is a bug (a miner checking its own
   * template, a test).
   *
   * @throws ConsensusException if rejected, with the reason and detail
   */
  default T orElseThrow() {
    return switch (this) {
      case Accept<T> accept -> accept.result();
      case Reject<T> reject -> throw new ConsensusException("rejected: " + reject);
    };
  }
}
