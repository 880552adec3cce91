package org.equinode.chain.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.chain.mempool.PoolChain.coin;
import static org.equinode.chain.mempool.PoolChain.out;
import static org.equinode.chain.mempool.PoolChain.pay;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.consensus.RejectReason;
import org.equinode.chain.consensus.Utxo;
import org.equinode.chain.tx.Tx;
import org.junit.jupiter.api.Test;

/** Transactions spending unconfirmed outputs, up to the chain limits. */
class UnconfirmedChainTest {
  private final PoolChain chain = PoolChain.create();
  private final Mempool mempool = chain.mempool(PoolChain.clock());

  @Test
  void acceptsAChildOfAMempoolTransaction() {
    Tx parent = pay(List.of(coin(0)), 1_000, 2);
    Tx child = pay(out(parent, 1), 1_000);
    assertThat(mempool.accept(parent).isAccepted()).isTrue();
    MempoolVerdict verdict = mempool.accept(child);
    assertThat(verdict.isAccepted()).isTrue();
    assertThat(mempool.txIds()).containsExactly(parent.txId(), child.txId());
  }

  @Test
  void refusesAnOutputIndexTheParentDoesNotHave() {
    Tx parent = pay(coin(0), 1_000);
    mempool.accept(parent);
    Utxo made =
        new Utxo(new org.equinode.chain.tx.OutPoint(parent.txId(), 5), out(parent, 0).coin());
    Tx child = pay(made, 1_000);
    MempoolVerdict verdict = mempool.accept(child);
    assertThat(((MempoolVerdict.Rejected) verdict).consensusReason())
        .contains(RejectReason.MISSING_OR_SPENT_INPUTS);
  }

  @Test
  void refusesToSpendAnUnconfirmedOutputBehindAnOlderLockUntilItIsInABlock() {
    Tx parent = PoolChain.payToOlder(coin(0), 1_000);
    Tx child = PoolChain.spendOlder(out(parent, 0), 1_000);
    assertThat(mempool.accept(parent).isAccepted()).isTrue();
    MempoolVerdict verdict = mempool.accept(child);
    assertThat(((MempoolVerdict.Rejected) verdict).consensusReason())
        .contains(RejectReason.BAD_WITNESS);
    mempool.blockConnected(chain.mine(parent), chain.chain().height());
    assertThat(mempool.accept(child).isAccepted()).isTrue();
  }

  @Test
  void limitsTheAncestorsOfATransaction() {
    List<Tx> line = line(coin(0), Mempool.MAX_ANCESTORS + 1);
    for (int i = 0; i < Mempool.MAX_ANCESTORS; i++) {
      assertThat(mempool.accept(line.get(i)).isAccepted()).as("tx %d", i).isTrue();
    }
    MempoolVerdict verdict = mempool.accept(line.get(Mempool.MAX_ANCESTORS));
    assertThat(verdict.mempoolReason()).contains(MempoolReason.TOO_LONG_CHAIN);
    assertThat(verdict.toString()).contains("MAX_ANCESTORS 25");
  }

  @Test
  void limitsTheDescendantsOfATransaction() {
    Tx root = pay(List.of(coin(0)), 10_000, Mempool.MAX_DESCENDANTS);
    assertThat(mempool.accept(root).isAccepted()).isTrue();
    for (int i = 0; i < Mempool.MAX_DESCENDANTS - 1; i++) {
      assertThat(mempool.accept(pay(out(root, i), 1_000)).isAccepted()).as("child %d", i).isTrue();
    }
    MempoolVerdict verdict = mempool.accept(pay(out(root, Mempool.MAX_DESCENDANTS - 1), 1_000));
    assertThat(verdict.mempoolReason()).contains(MempoolReason.TOO_LONG_CHAIN);
    assertThat(verdict.toString()).contains("MAX_DESCENDANTS 25");
  }

  /** {@code length} transactions, each spending the previous one's only output. */
  static List<Tx> line(Utxo start, int length) {
    List<Tx> txs = new ArrayList<>();
    Utxo next = start;
    for (int i = 0; i < length; i++) {
      Tx tx = pay(next, 1_000);
      txs.add(tx);
      next = out(tx, 0);
    }
    return txs;
  }
}
