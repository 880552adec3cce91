package org.equinode.chain.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.chain.mempool.PoolChain.coin;
import static org.equinode.chain.mempool.PoolChain.out;
import static org.equinode.chain.mempool.PoolChain.pay;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.consensus.Utxo;
import org.equinode.chain.tx.Tx;
import org.junit.jupiter.api.Test;

/** Conflicts and the replace-by-fee rules of chain/README.md. */
class ReplaceByFeeTest {
  private final PoolChain chain = PoolChain.create();
  private final Mempool mempool = chain.mempool(PoolChain.clock());
  private final RecordingListener listener = new RecordingListener();

  ReplaceByFeeTest() {
    mempool.addListener(listener);
  }

  @Test
  void refusesADoubleSpendThatDoesNotPayMore() {
    Tx original = pay(coin(0), 1_000);
    Tx same = pay(List.of(coin(0)), 1_000, 2); // bigger, same fee: a lower rate
    mempool.accept(original);
    MempoolVerdict verdict = mempool.accept(same);
    assertThat(verdict.mempoolReason()).contains(MempoolReason.RBF_INSUFFICIENT_FEE);
    assertThat(verdict.toString()).contains("not above the");
    assertThat(mempool.txIds()).containsExactly(original.txId());
  }

  @Test
  void refusesAHigherRateThatDoesNotPayForTheReplacedFeesAndItsOwnSize() {
    Tx original = pay(List.of(coin(0)), 10_000, 2);
    Tx probe = pay(coin(0), 0);
    long fee = 10_000L + probe.size() - 1; // one unit short of 10,000 plus its own size
    Tx smaller = pay(coin(0), fee);
    assertThat(FeeRate.compare(fee, smaller.size(), 10_000, original.size())).isPositive();
    mempool.accept(original);
    MempoolVerdict verdict = mempool.accept(smaller);
    assertThat(verdict.mempoolReason()).contains(MempoolReason.RBF_INSUFFICIENT_FEE);
    assertThat(verdict.toString()).contains("it needs to replace 1 transactions");
  }

  @Test
  void replacesAConflictAndItsDescendantsWhenPayingEnough() {
    Tx original = pay(coin(0), 1_000);
    Tx child = pay(out(original, 0), 1_000);
    Tx grandchild = pay(out(child, 0), 1_000);
    for (Tx tx : List.of(original, child, grandchild)) {
      assertThat(mempool.accept(tx).isAccepted()).isTrue();
    }
    listener.clear();
    Tx probe = pay(coin(0), 0);
    Tx replacement = pay(coin(0), 3_000 + probe.size());

    MempoolVerdict verdict = mempool.accept(replacement);

    assertThat(verdict.isAccepted()).isTrue();
    assertThat(((MempoolVerdict.Accepted) verdict).replaced())
        .extracting(MempoolEntry::txId)
        .containsExactly(original.txId(), child.txId(), grandchild.txId());
    assertThat(mempool.txIds()).containsExactly(replacement.txId());
    assertThat(listener.events())
        .containsExactly(
            RecordingListener.removed(original, RemovalReason.REPLACED),
            RecordingListener.removed(child, RemovalReason.REPLACED),
            RecordingListener.removed(grandchild, RemovalReason.REPLACED),
            RecordingListener.added(replacement));
    assertThat(mempool.info().bytes()).isEqualTo(replacement.size());
  }

  @Test
  void replacesSeveralConflictsAtOnce() {
    Tx first = pay(coin(0), 1_000);
    Tx second = pay(coin(1), 1_000);
    mempool.accept(first);
    mempool.accept(second);
    Tx both = pay(List.of(coin(0), coin(1)), 5_000, 1);
    MempoolVerdict verdict = mempool.accept(both);
    assertThat(verdict.isAccepted()).isTrue();
    assertThat(mempool.txIds()).containsExactly(both.txId());
  }

  @Test
  void testAcceptReportsAReplacementWithoutMakingIt() {
    Tx original = pay(coin(0), 1_000);
    mempool.accept(original);
    Tx replacement = pay(coin(0), 5_000);
    MempoolVerdict verdict = mempool.testAccept(replacement);
    assertThat(((MempoolVerdict.Accepted) verdict).replaced())
        .extracting(MempoolEntry::txId)
        .containsExactly(original.txId());
    assertThat(mempool.txIds()).containsExactly(original.txId());
  }

  @Test
  void refusesAReplacementThatSpendsAnOutputOfWhatItReplaces() {
    Tx original = pay(List.of(coin(0)), 1_000, 2);
    mempool.accept(original);
    // Spends coin 0 again (a conflict) and the original's output (which would vanish).
    Tx tangled = pay(List.of(coin(0), out(original, 1)), 50_000, 1);
    MempoolVerdict verdict = mempool.accept(tangled);
    assertThat(verdict.mempoolReason()).contains(MempoolReason.CONFLICT);
    assertThat(verdict.toString()).contains("an output of a transaction it would replace");
  }

  @Test
  void refusesToReplaceMoreThanTheLimit() {
    List<Utxo> inputs = new ArrayList<>();
    for (int i = 0; i <= Mempool.MAX_REPLACED; i++) {
      assertThat(mempool.accept(pay(coin(i), 1_000)).isAccepted()).isTrue();
      inputs.add(coin(i));
    }
    Tx everything = pay(inputs, 10_000_000, 1);
    MempoolVerdict verdict = mempool.accept(everything);
    assertThat(verdict.mempoolReason()).contains(MempoolReason.CONFLICT);
    assertThat(verdict.toString())
        .contains("would replace 101 transactions, more than MAX_REPLACED");
  }
}
