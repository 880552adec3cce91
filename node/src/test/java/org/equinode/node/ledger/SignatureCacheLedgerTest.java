package org.equinode.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.consensus.SignatureCache;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.lock.SignatureVerifier;
import org.equinode.chain.mempool.MempoolVerdict;
import org.equinode.chain.state.ChainState;
import org.equinode.store.MemoryStore;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.equinode.wallet.Wallet;
import org.equinode.wallet.spend.BuiltTx;
import org.equinode.wallet.spend.FeeRate;
import org.equinode.wallet.spend.Payment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature cache wired as {@code Node} wires it, through the whole ledger: payments a wallet
 * sends enter the mempool (their signatures verified once), the miner puts them in a block, and
 * connecting that block verifies none of them again. Counts verifications, never time.
 */
class SignatureCacheLedgerTest {
  private static final int PAYMENTS = 12;

  @TempDir Path folder;

  @Test
  void aMinedBlockOfMempoolPaymentsVerifiesNoSignatureAgain() {
    AtomicInteger verifications = new AtomicInteger();
    SignatureVerifier counting =
        (key, signature, message) -> {
          verifications.incrementAndGet();
          return SignatureVerifier.direct().verify(key, signature, message);
        };
    SignatureCache cache =
        new SignatureCache(SignatureCache.DEFAULT_CAPACITY, SeededRandom.of(5), counting);
    TestClock clock = TestClock.at(CrashFixture.NOW);
    try (ExecutorService verifiers = Executors.newFixedThreadPool(2)) {
      ChainState chain =
          ChainState.open(
              new MemoryStore(),
              "memory",
              CrashFixture.DEV,
              clock,
              SignatureChecker.parallel(verifiers, 2, cache.forBlocks()));
      try (Ledger ledger =
          new Ledger(
              chain,
              folder.resolve("wallets"),
              clock,
              new SecureRandom(),
              SignatureChecker.parallel(verifiers, 2, cache.forMempool()),
              1,
              CrashFixture.CHEAP_KDF)) {
        Wallet alice =
            ledger.createWallet(CrashFixture.ALICE, CrashFixture.passphrase(), true).wallet();
        LockHash mine = new LockHash(alice.freshAddress(Optional.empty()).address().lockHash());
        ledger.generate(CrashFixture.DEV.coinbaseMaturity() + PAYMENTS, mine, () -> false);
        assertThat(verifications.get()).isZero();

        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
          LockHash to = new LockHash(alice.freshAddress(Optional.empty()).address().lockHash());
          BuiltTx built =
              alice.send(List.of(new Payment(to, Amount.ofEq(1))), FeeRate.ofUnitsPerByte(2));
          assertThat(ledger.acceptTransaction(built.tx()))
              .isInstanceOf(MempoolVerdict.Accepted.class);
          inputs.add(built.tx().body().inputs().size());
        }
        int signatures = inputs.stream().mapToInt(Integer::intValue).sum();
        assertThat(verifications.get()).isEqualTo(signatures);

        ledger.generate(1, mine, () -> false);

        assertThat(ledger.mempool().entries()).isEmpty();
        assertThat(verifications.get()).isEqualTo(signatures);
        assertThat(cache.stats().hits()).isEqualTo(signatures);
        assertThat(cache.stats().entries()).isZero();
      }
    }
  }
}
