package org.equinode.chain.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.chain.mempool.PoolChain.coin;
import static org.equinode.chain.mempool.PoolChain.out;
import static org.equinode.chain.mempool.PoolChain.pay;

import java.time.Duration;
import java.util.List;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.TestChain;
import org.equinode.chain.consensus.TxMaker;
import org.equinode.chain.tx.Tx;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;

/** Keeping in step with the chain: blocks connected and disconnected, and expiry. */
class BlockEventsTest {
  private final PoolChain chain = PoolChain.create();
  private final TestClock clock = PoolChain.clock();
  private final Mempool mempool = chain.mempool(clock);
  private final RecordingListener listener = new RecordingListener();

  BlockEventsTest() {
    mempool.addListener(listener);
  }

  private void connect(Block block) {
    mempool.blockConnected(block, chain.chain().height());
  }

  private void accept(Tx... txs) {
    for (Tx tx : txs) {
      assertThat(mempool.accept(tx).isAccepted()).as("%s", tx).isTrue();
    }
  }

  @Test
  void aConnectedBlockRemovesWhatItIncludesAndWhatConflictsWithIt() {
    Tx included = pay(coin(0), 1_000);
    Tx conflicting = pay(coin(1), 1_000);
    Tx conflictingChild = pay(out(conflicting, 0), 1_000);
    Tx unrelated = pay(coin(2), 1_000);
    accept(included, conflicting, conflictingChild, unrelated);
    listener.clear();
    Tx otherSpend = pay(coin(1), 2_000);

    connect(chain.mine(included, otherSpend));

    assertThat(mempool.txIds()).containsExactly(unrelated.txId());
    assertThat(listener.events())
        .containsExactly(
            RecordingListener.removed(included, RemovalReason.CONFIRMED),
            RecordingListener.removed(conflicting, RemovalReason.CONFLICT),
            RecordingListener.removed(conflictingChild, RemovalReason.CONFLICT));
    assertThat(mempool.info().bytes()).isEqualTo(unrelated.size());
  }

  @Test
  void theChildOfAConfirmedTransactionStaysWithAFreshChainLimit() {
    List<Tx> line = UnconfirmedChainTest.line(coin(0), Mempool.MAX_ANCESTORS + 1);
    accept(line.subList(0, Mempool.MAX_ANCESTORS).toArray(Tx[]::new));
    connect(chain.mine(line.get(0)));
    assertThat(mempool.info().size()).isEqualTo(Mempool.MAX_ANCESTORS - 1);
    assertThat(mempool.accept(line.get(Mempool.MAX_ANCESTORS)).isAccepted()).isTrue();
  }

  @Test
  void aDisconnectedBlocksTransactionsComeBackAndConflictingOnesGoOnTheNewBranch() {
    var beforeFork = chain.snapshot();
    Tx kept = pay(coin(0), 1_000);
    Tx replacedOnNewBranch = pay(coin(1), 1_000);
    Block old = chain.mine(kept, replacedOnNewBranch);
    connect(old);
    Tx childOfConfirmed = pay(out(kept, 0), 1_000);
    accept(childOfConfirmed);
    listener.clear();

    chain.rewind(beforeFork);
    mempool.blockDisconnected(old, PoolChain.FAN_HEIGHT + 1);

    assertThat(mempool.txIds())
        .containsExactly(kept.txId(), replacedOnNewBranch.txId(), childOfConfirmed.txId());
    assertThat(listener.events())
        .containsExactly(
            RecordingListener.added(kept), RecordingListener.added(replacedOnNewBranch));
    // The child now has an unconfirmed parent: replacing that parent would take the child too.
    Tx doubleSpend = pay(coin(0), 10_000);
    assertThat(mempool.testAccept(doubleSpend))
        .satisfies(
            verdict ->
                assertThat(((MempoolVerdict.Accepted) verdict).replaced())
                    .extracting(MempoolEntry::txId)
                    .containsExactly(kept.txId(), childOfConfirmed.txId()));

    listener.clear();
    Tx otherSpend = pay(coin(1), 5_000);
    connect(chain.mine(otherSpend));

    assertThat(mempool.txIds()).containsExactly(kept.txId(), childOfConfirmed.txId());
    assertThat(listener.events())
        .containsExactly(RecordingListener.removed(replacedOnNewBranch, RemovalReason.CONFLICT));
  }

  @Test
  void aDisconnectDropsWhatIsNoLongerValidAtTheLowerHeight() {
    var beforeFork = chain.snapshot();
    Tx olderParent = PoolChain.payToOlder(coin(0), 1_000);
    Block old = chain.mine(olderParent);
    connect(old);
    Tx olderChild = PoolChain.spendOlder(out(olderParent, 0), 1_000);
    int tipHeight = chain.chain().height();
    Tx template = pay(coin(1), 1_000);
    Tx finalOnlyNow =
        TxMaker.sig(List.of(coin(1)), template.body().outputs(), tipHeight + 1, TestChain.MINER);
    accept(olderChild, finalOnlyNow);
    listener.clear();

    chain.rewind(beforeFork);
    mempool.blockDisconnected(old, tipHeight);

    assertThat(mempool.txIds()).containsExactly(olderParent.txId());
    assertThat(listener.events())
        .containsExactly(
            RecordingListener.added(olderParent),
            RecordingListener.removed(olderChild, RemovalReason.REORG),
            RecordingListener.removed(finalOnlyNow, RemovalReason.REORG));
  }

  @Test
  void expiresTransactionsWithTheirDescendants() {
    Tx old = pay(coin(0), 1_000);
    accept(old);
    clock.advance(Duration.ofDays(7));
    Tx child = pay(out(old, 0), 1_000);
    Tx young = pay(coin(1), 1_000);
    accept(child, young);
    listener.clear();
    clock.advance(Duration.ofDays(7));

    mempool.expire();

    assertThat(mempool.txIds()).containsExactly(young.txId());
    assertThat(listener.events())
        .containsExactly(
            RecordingListener.removed(old, RemovalReason.EXPIRED),
            RecordingListener.removed(child, RemovalReason.EXPIRED));
  }
}
