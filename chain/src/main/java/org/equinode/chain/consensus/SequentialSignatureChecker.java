package org.equinode.chain.consensus;

import java.util.List;
import org.equinode.chain.lock.LockVerdict;
import org.equinode.chain.lock.SignatureVerifier;

/** Runs witness checks in order on the calling thread, stopping at the first failure. */
final class SequentialSignatureChecker implements SignatureChecker {
  static final SequentialSignatureChecker INSTANCE =
      new SequentialSignatureChecker(SignatureVerifier.direct());

  private final SignatureVerifier verifier;

  SequentialSignatureChecker(SignatureVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public Verdict<Integer> check(List<WitnessCheck> checks) {
    int sigChecks = 0;
    for (WitnessCheck check : checks) {
      switch (check.run(verifier)) {
        case LockVerdict.Accept accept -> sigChecks += accept.sigChecks();
        case LockVerdict.Reject reject -> {
          return rejection(check, reject);
        }
      }
    }
    return Verdict.accept(sigChecks);
  }

  static Verdict<Integer> rejection(WitnessCheck check, LockVerdict.Reject reject) {
    return Verdict.reject(RejectReason.BAD_WITNESS, check.where() + ": " + reject.reason());
  }
}
