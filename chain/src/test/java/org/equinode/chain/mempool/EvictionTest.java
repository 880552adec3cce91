package org.equinode.chain.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.chain.mempool.PoolChain.coin;
import static org.equinode.chain.mempool.PoolChain.out;
import static org.equinode.chain.mempool.PoolChain.pay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.tx.Tx;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The byte cap: eviction by descendant score and the rolling minimum it raises. */
class EvictionTest {
  /** The size of every one-input, one-output transaction here. */
  private static final int SIZE = pay(coin(0), 0).size();

  private final PoolChain chain = PoolChain.create();
  private final TestClock clock = PoolChain.clock();
  private final Mempool mempool =
      chain.mempool(MempoolConfig.defaults().withMaxBytes(5L * SIZE + SIZE / 2), clock);
  private final RecordingListener listener = new RecordingListener();

  /** One input, one output, paying {@code unitsPerByte}. */
  private static Tx paying(int coin, long unitsPerByte) {
    return pay(coin(coin), unitsPerByte * SIZE);
  }

  /** Fills the pool with five transactions paying 2 to 6 units per byte. */
  private List<Tx> fill() {
    List<Tx> txs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Tx tx = paying(i, i + 2);
      assertThat(mempool.accept(tx).isAccepted()).isTrue();
      txs.add(tx);
    }
    mempool.addListener(listener);
    return txs;
  }

  @Test
  void evictsTheLowestFeeRateToMakeRoom() {
    List<Tx> txs = fill();
    Tx rich = paying(10, 10);
    assertThat(mempool.accept(rich).isAccepted()).isTrue();
    assertThat(listener.events())
        .containsExactly(
            RecordingListener.added(rich),
            RecordingListener.removed(txs.get(0), RemovalReason.EVICTED));
    assertThat(mempool.contains(txs.get(0).txId())).isFalse();
    assertThat(mempool.info().bytes()).isEqualTo(5L * SIZE);
  }

  @Test
  void raisesTheMinimumAboveWhatItEvictedThenLetsItFall() {
    fill();
    mempool.accept(paying(10, 10));
    // Evicted 2 units/B, plus the incremental 1 unit/B.
    assertThat(mempool.minimumFeeRate()).isEqualTo(FeeRate.perByte(3));
    MempoolVerdict cheap = mempool.accept(pay(coin(11), 2 * SIZE + SIZE / 2));
    assertThat(cheap.mempoolReason()).contains(MempoolReason.INSUFFICIENT_FEE);

    clock.advance(Duration.ofHours(6));
    assertThat(mempool.minimumFeeRate()).isEqualTo(new FeeRate(2_250));
    clock.advance(Duration.ofHours(6));
    assertThat(mempool.minimumFeeRate()).isEqualTo(new FeeRate(1_500));
    assertThat(mempool.info().minimumFeeRate()).isEqualTo(new FeeRate(1_500));
    clock.advance(Duration.ofHours(12));
    // 750 units/kB is below the relay floor, which applies.
    assertThat(mempool.minimumFeeRate()).isEqualTo(MempoolConfig.DEFAULT_MIN_RELAY_FEE_RATE);
  }

  @Test
  void refusesANewcomerWithTheLowestRateWhenFull() {
    List<Tx> txs = fill();
    Tx poor = pay(coin(10), SIZE + SIZE / 2); // 1.5 units/B: above the floor, below everyone
    MempoolVerdict verdict = mempool.accept(poor);
    assertThat(verdict.mempoolReason()).contains(MempoolReason.MEMPOOL_FULL);
    assertThat(mempool.txIds()).containsExactlyElementsOf(txs.stream().map(Tx::txId).toList());
    assertThat(listener.events()).isEmpty();
  }

  @Test
  void aWellPayingChildProtectsItsParent() {
    Tx parent = pay(coin(0), SIZE + SIZE / 5); // 1.2 units/B
    Tx child = pay(out(parent, 0), 20L * SIZE);
    mempool.accept(parent);
    mempool.accept(child);
    List<Tx> others = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Tx tx = paying(i, 3);
      mempool.accept(tx);
      others.add(tx);
    }
    mempool.addListener(listener);
    Tx newcomer = paying(10, 4);
    assertThat(mempool.accept(newcomer).isAccepted()).isTrue();
    // The parent's package pays about 10.6 units/B, so a 3 units/B transaction goes instead.
    assertThat(listener.events())
        .containsExactly(
            RecordingListener.added(newcomer),
            RecordingListener.removed(others.get(2), RemovalReason.EVICTED));
    assertThat(mempool.contains(parent.txId())).isTrue();
  }

  @Test
  void evictingAParentEvictsItsDescendants() {
    Tx parent = paying(0, 2);
    Tx child = pay(out(parent, 0), 3L * SIZE); // the package pays 2.5 units/B, the child 3
    mempool.accept(parent);
    mempool.accept(child);
    for (int i = 1; i <= 3; i++) {
      mempool.accept(paying(i, 5));
    }
    mempool.addListener(listener);
    Tx newcomer = paying(10, 6);
    assertThat(mempool.accept(newcomer).isAccepted()).isTrue();
    assertThat(listener.events())
        .containsExactly(
            RecordingListener.added(newcomer),
            RecordingListener.removed(parent, RemovalReason.EVICTED),
            RecordingListener.removed(child, RemovalReason.EVICTED));
    assertThat(mempool.minimumFeeRate()).isEqualTo(new FeeRate(3_500));
  }
}
