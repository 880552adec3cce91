package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.equinode.chain.TestKeys;
import org.equinode.chain.TxId;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.SpendContext;
import org.equinode.chain.lock.Witness;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureCheckerTest {
  private static final int CHECKS = 40;

  /** {@code count} SIG checks; those in {@code bad} carry a signature by the wrong key. */
  private static List<WitnessCheck> checks(int count, Set<Integer> bad) {
    List<WitnessCheck> checks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Hash32 sigHash = Hash32.parse(String.format("%064x", i + 1));
      Ed25519PrivateKey key = TestKeys.privateKey(i % 5);
      Ed25519PrivateKey signer = bad.contains(i) ? TestKeys.privateKey(9) : key;
      Witness witness = new Witness.Sig(signer.sign(sigHash.toByteArray()));
      checks.add(
          new WitnessCheck(
              TxId.parse(String.format("%064x", i)),
              i % 3,
              new Lock.Sig(key.publicKey()),
              witness,
              new SpendContext(sigHash, 10, 0, 1)));
    }
    return checks;
  }

  @Test
  void acceptsWithTheSignaturesCounted() throws Exception {
    List<WitnessCheck> checks = checks(CHECKS, Set.of());
    assertThat(SignatureChecker.sequential().check(checks)).isEqualTo(Verdict.accept(CHECKS));
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      assertThat(SignatureChecker.parallel(pool, 2).check(checks))
          .isEqualTo(Verdict.accept(CHECKS));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 20, 39})
  void reportsTheFirstFailureInListOrderWhateverTheThreadsDo(int first) throws Exception {
    Set<Integer> bad = new HashSet<>(List.of(first, Math.min(first + 3, CHECKS - 1), CHECKS - 1));
    List<WitnessCheck> checks = checks(CHECKS, bad);
    Verdict<Integer> sequential = SignatureChecker.sequential().check(checks);
    assertThat(sequential.rejectReason()).contains(RejectReason.BAD_WITNESS);
    assertThat(((Verdict.Reject<Integer>) sequential).detail())
        .isEqualTo(checks.get(first).where() + ": SIG at /: signature does not verify");
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      SignatureChecker parallel = SignatureChecker.parallel(pool, 4);
      for (int round = 0; round < 20; round++) {
        assertThat(parallel.check(checks)).isEqualTo(sequential);
      }
    }
  }

  @Test
  void theCallingThreadFinishesAloneWhenTheExecutorRefuses() {
    SignatureChecker refused =
        SignatureChecker.parallel(
            task -> {
              throw new RejectedExecutionException("closed");
            },
            4);
    assertThat(refused.check(checks(CHECKS, Set.of()))).isEqualTo(Verdict.accept(CHECKS));
    assertThat(refused.check(checks(CHECKS, Set.of(5))).rejectReason())
        .contains(RejectReason.BAD_WITNESS);
  }

  @Test
  void fewChecksRunOnTheCallingThread() {
    SignatureChecker noThreads =
        SignatureChecker.parallel(
            task -> {
              throw new AssertionError("no task expected");
            },
            2);
    assertThat(noThreads.check(checks(ParallelSignatureChecker.MIN_PARALLEL_CHECKS - 1, Set.of())))
        .isEqualTo(Verdict.accept(ParallelSignatureChecker.MIN_PARALLEL_CHECKS - 1));
    assertThat(noThreads.check(List.of())).isEqualTo(Verdict.accept(0));
  }
}
