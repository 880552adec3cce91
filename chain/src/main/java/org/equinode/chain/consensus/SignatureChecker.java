package org.equinode.chain.consensus;

import java.util.List;
import java.util.concurrent.Executor;
import org.equinode.chain.lock.SignatureVerifier;

/**
 * Runs the witness checks of a block or transaction: the expensive part of validation, Ed25519
 * signature verification. Implementations may spread the work over threads but must give the same
 * verdict as running the checks one by one in order: the first failing check in list order (block
 * order) is the one reported.
 */
public interface SignatureChecker {
  /**
   * Accepts with the total of signatures verified, or rejects with {@link RejectReason#BAD_WITNESS}
   * naming the first failing check and the lock checker's reason.
   */
  Verdict<Integer> check(List<WitnessCheck> checks);

  /** Checks one after the other on the calling thread, verifying every signature. */
  static SignatureChecker sequential() {
    return SequentialSignatureChecker.INSTANCE;
  }

  /** Checks one after the other on the calling thread, signatures through {@code verifier}. */
  static SignatureChecker sequential(SignatureVerifier verifier) {
    return new SequentialSignatureChecker(verifier);
  }

  /**
   * Checks on the calling thread and on up to {@code parallelism − 1} tasks of {@code executor}
   * (typically a pool sized to the cores), which it waits for before returning. Verifies every
   * signature.
   */
  static SignatureChecker parallel(Executor executor, int parallelism) {
    return parallel(executor, parallelism, SignatureVerifier.direct());
  }

  /**
   * As {@link #parallel(Executor, int)}, with the signatures verified by {@code verifier} (for a
   * node: one of {@link SignatureCache}'s views), which the worker threads call at once.
   */
  static SignatureChecker parallel(Executor executor, int parallelism, SignatureVerifier verifier) {
    return new ParallelSignatureChecker(executor, parallelism, verifier);
  }
}
