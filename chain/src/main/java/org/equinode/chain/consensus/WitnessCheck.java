package org.equinode.chain.consensus;

import org.equinode.chain.TxId;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.LockChecker;
import org.equinode.chain.lock.LockVerdict;
import org.equinode.chain.lock.SignatureVerifier;
import org.equinode.chain.lock.SpendContext;
import org.equinode.chain.lock.Witness;

/**
 * One input's witness to check against its revealed lock, with everything {@link LockChecker}
 * needs. Independent of every other check, so a {@link SignatureChecker} may run many at once.
 *
 * @param txId the spending transaction, for the rejection's detail
 * @param input the input's index
 * @param lock the lock the input reveals (its hash matches the spent output's)
 * @param witness what the input offers to satisfy it
 * @param context the signature hash, heights and age of the spend
 */
public record WitnessCheck(TxId txId, int input, Lock lock, Witness witness, SpendContext context) {
  /** Runs the lock checker, verifying every signature. */
  public LockVerdict run() {
    return run(SignatureVerifier.direct());
  }

  /** Runs the lock checker with its signatures verified by {@code verifier}. */
  public LockVerdict run(SignatureVerifier verifier) {
    return LockChecker.check(lock, witness, context, verifier);
  }

  /** Where this check is, for a rejection's detail. */
  public String where() {
    return "tx " + txId + " input " + input;
  }
}
