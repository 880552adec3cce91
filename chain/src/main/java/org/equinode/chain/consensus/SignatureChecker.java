package org.equinode.chain.consensus;

import java.util.List;
import java.util.concurrent.Executor;

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

  /** Checks one after the other on the calling thread. */
  static SignatureChecker sequential() {
    return SequentialSignatureChecker.INSTANCE;
  }

  /**
   * Checks on the calling thread and on up to {@code parallelism − 1} tasks of {@code executor}
   * (typically a pool sized to the cores), which it waits for before returning.
   */
  static SignatureChecker parallel(Executor executor, int parallelism) {
    return new ParallelSignatureChecker(executor, parallelism);
  }
}
