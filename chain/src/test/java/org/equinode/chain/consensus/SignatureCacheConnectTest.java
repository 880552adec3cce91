package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.equinode.chain.Amount;
import org.equinode.chain.TestKeys;
import org.equinode.chain.block.Block;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The signature cache between the two paths that use it: transactions checked as the mempool does
 * ({@link TxRules#checkContextual}), then a block including them connected as the chain does
 * ({@link BlockRules#validate}, on the parallel checker). Counts verifications, never time.
 */
class SignatureCacheConnectTest {
  private static final Ed25519PrivateKey ALICE = TestKeys.privateKey(3);
  private static final Ed25519PrivateKey BOB = TestKeys.privateKey(4);

  /** Either ALICE or BOB may spend: two valid witnesses for one transaction body. */
  private static final Lock EITHER =
      new Lock.Or(List.of(new Lock.Sig(ALICE.publicKey()), new Lock.Sig(BOB.publicKey())));

  private static final int SPENDS = 20;

  private final SignatureCacheTest.CountingVerifier counting =
      new SignatureCacheTest.CountingVerifier();
  private final SignatureCache cache = new SignatureCache(100, SeededRandom.of(3), counting);
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private TestChain chain = TestChain.genesis();
  private Tx fan = TestChain.genesis().tip().txs().get(0);

  @BeforeEach
  void fanOut() {
    chain.mineEmpty(TestChain.PARAMS.coinbaseMaturity() + 1);
    List<TxOut> outputs = Collections.nCopies(SPENDS, new TxOut(Amount.ofEq(1), EITHER.hash()));
    fan = TxMaker.sig(List.of(chain.coinbaseOutput(1)), outputs, 0, TestChain.MINER);
    chain.mine(fan);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /**
   * Spends output {@code index} of the fan with the lock's {@code branch} signed by {@code key}.
   */
  private Tx spend(int index, int branch, Ed25519PrivateKey key) {
    return TxMaker.spend(
        List.of(TestChain.output(fan, index, chain.height())),
        List.of(new TxOut(Amount.parse("0.9"), TestChain.minerLock().hash())),
        0,
        (sigHash, input) ->
            new InputWitness.Spend(
                EITHER,
                new Witness.Or(branch, new Witness.Sig(TxMaker.sign(key, sigHash, input)))));
  }

  private List<Tx> admitAll() {
    List<Tx> admitted = new ArrayList<>();
    for (int i = 0; i < SPENDS; i++) {
      Tx tx = spend(i, 0, ALICE);
      assertThat(
              TxRules.checkContextual(
                      tx,
                      chain.utxos(),
                      chain.height() + 1,
                      TestChain.PARAMS,
                      SignatureChecker.sequential(cache.forMempool()))
                  .isAccepted())
          .isTrue();
      admitted.add(tx);
    }
    return admitted;
  }

  private Verdict<ConnectedBlock> connectCached(Block block) {
    return chain.validate(
        block, TestChain.NOW, SignatureChecker.parallel(pool, 2, cache.forBlocks()));
  }

  private Verdict<ConnectedBlock> connectUncached(Block block) {
    return chain.validate(block, TestChain.NOW, SignatureChecker.sequential());
  }

  @Test
  void aBlockOfTransactionsTheMempoolCheckedVerifiesNoSignatureAgain() {
    Block block = chain.next().add(admitAll().toArray(Tx[]::new)).build();
    assertThat(counting.count()).isEqualTo(SPENDS);

    Verdict<ConnectedBlock> cached = connectCached(block);

    assertThat(cached.isAccepted()).isTrue();
    assertThat(cached).isEqualTo(connectUncached(block));
    assertThat(counting.count()).isEqualTo(SPENDS);
    assertThat(cache.stats()).isEqualTo(new SignatureCache.Stats(SPENDS, SPENDS, 0));
  }

  @Test
  void aTransactionWhoseWitnessDiffersFromTheMempoolsIsVerifiedInFull() {
    List<Tx> txs = admitAll();
    Tx other = spend(7, 1, BOB);
    assertThat(other.txId()).isEqualTo(txs.get(7).txId());
    assertThat(other.wTxId()).isNotEqualTo(txs.get(7).wTxId());
    txs.set(7, other);
    Block block = chain.next().add(txs.toArray(Tx[]::new)).build();

    Verdict<ConnectedBlock> cached = connectCached(block);

    assertThat(cached.isAccepted()).isTrue();
    assertThat(cached).isEqualTo(connectUncached(block));
    assertThat(counting.count()).isEqualTo(SPENDS + 1);
  }

  @Test
  void aForgedWitnessForATransactionTheMempoolAcceptedIsRejected() {
    List<Tx> txs = admitAll();
    Tx forged = spend(7, 0, BOB);
    assertThat(forged.txId()).isEqualTo(txs.get(7).txId());
    txs.set(7, forged);
    Block block = chain.next().add(txs.toArray(Tx[]::new)).build();

    Verdict<ConnectedBlock> cached = connectCached(block);

    assertThat(cached.rejectReason()).contains(RejectReason.BAD_WITNESS);
    assertThat(cached).isEqualTo(connectUncached(block));
    assertThat(cached.toString()).contains("input 0: SIG at /0: signature does not verify");
  }
}
