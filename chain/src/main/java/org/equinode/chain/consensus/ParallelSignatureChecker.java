package org.equinode.chain.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.equinode.chain.lock.LockVerdict;
import org.equinode.chain.lock.SignatureVerifier;

/**
 * Runs witness checks on several threads with a deterministic verdict. Workers take checks in list
 * order from a shared counter and record the lowest index that failed; a worker stops when the next
 * index is above it. Every check below the lowest failure has therefore run and passed, so the
 * failure reported is the first in list order whatever the threads did, as {@link
 * SequentialSignatureChecker} would report. Thread-safe; holds no state between calls.
 */
final class ParallelSignatureChecker implements SignatureChecker {
  /** Below this many checks, starting tasks costs more than it saves. */
  static final int MIN_PARALLEL_CHECKS = 8;

  private final Executor executor;
  private final int parallelism;
  private final SignatureVerifier verifier;
  private final SequentialSignatureChecker sequential;

  ParallelSignatureChecker(Executor executor, int parallelism, SignatureVerifier verifier) {
    if (parallelism < 1) {
      throw new ConsensusException("parallelism " + parallelism + " is below 1");
    }
    this.executor = executor;
    this.parallelism = parallelism;
    this.verifier = verifier;
    this.sequential = new SequentialSignatureChecker(verifier);
  }

  @Override
  public Verdict<Integer> check(List<WitnessCheck> checks) {
    if (parallelism == 1 || checks.size() < MIN_PARALLEL_CHECKS) {
      return sequential.check(checks);
    }
    Run run = new Run(checks, verifier);
    List<CompletableFuture<Void>> helpers = new ArrayList<>();
    int tasks = Math.min(parallelism, checks.size()) - 1;
    for (int i = 0; i < tasks; i++) {
      try {
        helpers.add(CompletableFuture.runAsync(run::work, executor));
      } catch (RejectedExecutionException e) {
        break; // a saturated or closed executor: the calling thread does the rest
      }
    }
    run.work();
    helpers.forEach(CompletableFuture::join); // rethrows a bug in a worker; orders the results
    return run.verdict();
  }

  private static final class Run {
    private final List<WitnessCheck> checks;
    private final SignatureVerifier verifier;
    private final AtomicReferenceArray<LockVerdict> verdicts;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger firstFailure;

    Run(List<WitnessCheck> checks, SignatureVerifier verifier) {
      this.checks = checks;
      this.verifier = verifier;
      this.verdicts = new AtomicReferenceArray<>(checks.size());
      this.firstFailure = new AtomicInteger(checks.size());
    }

    void work() {
      while (true) {
        int index = next.getAndIncrement();
        if (index >= checks.size() || index > firstFailure.get()) {
          return;
        }
        LockVerdict verdict = checks.get(index).run(verifier);
        verdicts.set(index, verdict);
        if (verdict instanceof LockVerdict.Reject) {
          firstFailure.accumulateAndGet(index, Math::min);
        }
      }
    }

    Verdict<Integer> verdict() {
      int failed = firstFailure.get();
      if (failed < checks.size()) {
        LockVerdict.Reject reject = (LockVerdict.Reject) verdicts.get(failed);
        return SequentialSignatureChecker.rejection(checks.get(failed), reject);
      }
      int sigChecks = 0;
      for (int i = 0; i < checks.size(); i++) {
        sigChecks += ((LockVerdict.Accept) verdicts.get(i)).sigChecks();
      }
      return Verdict.accept(sigChecks);
    }
  }
}
