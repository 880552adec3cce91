package org.equinode.chain.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.chain.mempool.PoolChain.coin;
import static org.equinode.chain.mempool.PoolChain.pay;

import java.util.List;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.TestKeys;
import org.equinode.chain.consensus.RejectReason;
import org.equinode.chain.consensus.TestChain;
import org.equinode.chain.consensus.TxMaker;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;

class MempoolAcceptTest {
  private final PoolChain chain = PoolChain.create();
  private final TestClock clock = PoolChain.clock();
  private final Mempool mempool = chain.mempool(clock);

  @Test
  void acceptsAValidSpendAndAnswersQueries() {
    RecordingListener listener = new RecordingListener();
    mempool.addListener(listener);
    Tx tx = pay(coin(0), 1_000);

    MempoolVerdict verdict = mempool.accept(tx);

    assertThat(verdict).isInstanceOf(MempoolVerdict.Accepted.class);
    MempoolEntry entry = ((MempoolVerdict.Accepted) verdict).entry();
    assertThat(entry.fee()).isEqualTo(Amount.ofUnits(1_000));
    assertThat(entry.sigOps()).isEqualTo(1);
    assertThat(entry.height()).isEqualTo(PoolChain.FAN_HEIGHT + 1);
    assertThat(entry.time()).isEqualTo(TestChain.NOW);
    assertThat(entry.feeRate()).isEqualTo(FeeRate.of(Amount.ofUnits(1_000), tx.size()));
    assertThat(mempool.contains(tx.txId())).isTrue();
    assertThat(mempool.tx(tx.txId())).contains(tx);
    assertThat(mempool.txIds()).containsExactly(tx.txId());
    MempoolInfo info = mempool.info();
    assertThat(info.size()).isEqualTo(1);
    assertThat(info.bytes()).isEqualTo(tx.size());
    assertThat(info.fees()).isEqualTo(Amount.ofUnits(1_000));
    assertThat(info.minimumFeeRate()).isEqualTo(MempoolConfig.DEFAULT_MIN_RELAY_FEE_RATE);
    assertThat(listener.events()).containsExactly(RecordingListener.added(tx));
  }

  @Test
  void refusesWhatItAlreadyHas() {
    Tx tx = pay(coin(0), 1_000);
    mempool.accept(tx);
    assertThat(mempool.accept(tx).mempoolReason()).contains(MempoolReason.ALREADY_KNOWN);
  }

  @Test
  void reportsConsensusRejectionsWithTheirReason() {
    Tx tx = pay(coin(0), 1_000);
    Tx wrongKey = TxMaker.sig(List.of(coin(0)), tx.body().outputs(), 0, TestKeys.privateKey(5));
    MempoolVerdict verdict = mempool.accept(wrongKey);
    assertThat(verdict.mempoolReason()).contains(MempoolReason.INVALID);
    MempoolVerdict.Rejected rejected = (MempoolVerdict.Rejected) verdict;
    assertThat(rejected.consensusReason()).contains(RejectReason.LOCK_MISMATCH);
    assertThat(rejected.code()).isEqualTo("bad-txns-lock-mismatch");

    Tx coinbase =
        Tx.coinbase(
            500, List.of(new TxOut(Amount.ofEq(1), TestChain.minerLock().hash())), new byte[0]);
    assertThat(((MempoolVerdict.Rejected) mempool.accept(coinbase)).consensusReason())
        .contains(RejectReason.COINBASE_OUTSIDE_BLOCK);
    assertThat(mempool.info().size()).isZero();
  }

  @Test
  void refusesAnOverspendAsInvalidNotAsAFeeProblem() {
    Tx overspend = pay(List.of(coin(0)), -1, 1);
    assertThat(((MempoolVerdict.Rejected) mempool.accept(overspend)).consensusReason())
        .contains(RejectReason.OVERSPEND);
  }

  @Test
  void refusesAFeeRateBelowTheRelayMinimum() {
    Tx cheap = pay(coin(0), 10);
    MempoolVerdict verdict = mempool.accept(cheap);
    assertThat(verdict.mempoolReason()).contains(MempoolReason.INSUFFICIENT_FEE);
    assertThat(verdict.toString()).contains("below the minimum 1.000 units/B");
    Tx exact = pay(coin(1), 0);
    Tx paying = pay(coin(1), exact.size());
    assertThat(mempool.accept(paying).isAccepted()).isTrue();
  }

  @Test
  void testAcceptChecksWithoutAdding() {
    RecordingListener listener = new RecordingListener();
    mempool.addListener(listener);
    Tx tx = pay(coin(0), 1_000);
    assertThat(mempool.testAccept(tx).isAccepted()).isTrue();
    assertThat(mempool.contains(tx.txId())).isFalse();
    assertThat(mempool.testAccept(pay(coin(1), 1)).mempoolReason())
        .contains(MempoolReason.INSUFFICIENT_FEE);
    Tx orphan = pay(PoolChain.out(tx, 0), 1_000);
    MempoolVerdict verdict = mempool.testAccept(orphan);
    assertThat(verdict)
        .isEqualTo(new MempoolVerdict.Orphan(orphan.txId(), List.of(tx.txId()), false));
    assertThat(mempool.hasOrphan(orphan.txId())).isFalse();
    assertThat(listener.events()).isEmpty();
  }

  @Test
  void refusesANonFinalTransactionUntilItsHeight() {
    Tx tx = pay(coin(0), 1_000);
    Tx later =
        TxMaker.sig(
            List.of(coin(0)), tx.body().outputs(), PoolChain.FAN_HEIGHT + 2, TestChain.MINER);
    assertThat(((MempoolVerdict.Rejected) mempool.accept(later)).consensusReason())
        .contains(RejectReason.NON_FINAL);
    chain.mine();
    assertThat(mempool.accept(later).isAccepted()).isTrue();
  }

  @Test
  void verdictsSayWhetherAConsensusReasonIsPresent() {
    assertThat(MempoolVerdict.Rejected.of(MempoolReason.CONFLICT, "x").consensusReason())
        .isEqualTo(Optional.empty());
    assertThat(MempoolVerdict.Rejected.of(MempoolReason.CONFLICT, "x").code())
        .isEqualTo("txn-mempool-conflict");
  }
}
