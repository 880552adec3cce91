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

/** Transactions whose parents have not arrived yet. */
class OrphanTest {
  private final PoolChain chain = PoolChain.create();
  private final TestClock clock = PoolChain.clock();

  @Test
  void holdsAnOrphanAndAdoptsItWhenItsParentArrives() {
    Mempool mempool = chain.mempool(clock);
    Tx parent = pay(coin(0), 1_000);
    Tx child = pay(out(parent, 0), 1_000);
    Tx grandchild = pay(out(child, 0), 1_000);

    assertThat(mempool.accept(grandchild))
        .isEqualTo(new MempoolVerdict.Orphan(grandchild.txId(), List.of(child.txId()), true));
    assertThat(mempool.accept(child).mempoolReason()).contains(MempoolReason.ORPHAN);
    assertThat(mempool.hasOrphan(child.txId())).isTrue();
    assertThat(mempool.accept(child).mempoolReason()).contains(MempoolReason.ALREADY_KNOWN);
    assertThat(mempool.info().orphans()).isEqualTo(2);
    assertThat(mempool.info().size()).isZero();

    assertThat(mempool.accept(parent).isAccepted()).isTrue();

    assertThat(mempool.txIds()).containsExactly(parent.txId(), child.txId(), grandchild.txId());
    assertThat(mempool.info().orphans()).isZero();
  }

  @Test
  void namesEveryMissingParentOnce() {
    Mempool mempool = chain.mempool(clock);
    Tx first = pay(List.of(coin(0)), 1_000, 2);
    Tx second = pay(coin(1), 1_000);
    Tx orphan = pay(List.of(out(first, 0), out(second, 0), out(first, 1)), 1_000, 1);
    MempoolVerdict verdict = mempool.accept(orphan);
    assertThat(((MempoolVerdict.Orphan) verdict).missingParents())
        .containsExactly(first.txId(), second.txId());
    mempool.accept(first);
    assertThat(mempool.hasOrphan(orphan.txId())).isTrue(); // still waits for the second
    mempool.accept(second);
    assertThat(mempool.contains(orphan.txId())).isTrue();
  }

  @Test
  void anAdoptedOrphanStillHasToBeValid() {
    Mempool mempool = chain.mempool(clock);
    Tx parent = pay(coin(0), 1_000);
    Tx cheapChild = pay(out(parent, 0), 1);
    assertThat(mempool.accept(cheapChild).mempoolReason()).contains(MempoolReason.ORPHAN);
    mempool.accept(parent);
    assertThat(mempool.contains(cheapChild.txId())).isFalse();
    assertThat(mempool.hasOrphan(cheapChild.txId())).isFalse();
  }

  @Test
  void dropsOrphansAfterTheirExpiry() {
    Mempool mempool = chain.mempool(clock);
    Tx parent = pay(coin(0), 1_000);
    Tx child = pay(out(parent, 0), 1_000);
    mempool.accept(child);
    clock.advance(MempoolConfig.DEFAULT_ORPHAN_EXPIRY.minusSeconds(1));
    mempool.expire();
    assertThat(mempool.hasOrphan(child.txId())).isTrue();
    clock.advance(Duration.ofSeconds(1));
    mempool.expire();
    assertThat(mempool.hasOrphan(child.txId())).isFalse();
    mempool.accept(parent);
    assertThat(mempool.contains(child.txId())).isFalse();
  }

  @Test
  void capsTheOrphanPoolByDroppingRandomOrphans() {
    Mempool mempool = chain.mempool(MempoolConfig.defaults().withMaxOrphans(3), clock);
    List<Tx> parents = new ArrayList<>();
    List<Tx> orphans = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Tx parent = pay(coin(i), 1_000);
      Tx orphan = pay(out(parent, 0), 1_000);
      parents.add(parent);
      orphans.add(orphan);
      assertThat(((MempoolVerdict.Orphan) mempool.accept(orphan)).held()).isTrue();
      assertThat(mempool.info().orphans()).isEqualTo(Math.min(i + 1, 3));
    }
    assertThat(orphans.stream().filter(tx -> mempool.hasOrphan(tx.txId())).count()).isEqualTo(3);
    parents.forEach(mempool::accept);
    assertThat(mempool.info().size()).isEqualTo(10 + 3);
  }

  @Test
  void holdsNoOrphanWhenTheCapIsZero() {
    Mempool mempool = chain.mempool(MempoolConfig.defaults().withMaxOrphans(0), clock);
    Tx parent = pay(coin(0), 1_000);
    Tx orphan = pay(out(parent, 0), 1_000);
    assertThat(((MempoolVerdict.Orphan) mempool.accept(orphan)).held()).isFalse();
  }

  @Test
  void aBlockThatSpendsAnOrphansInputDropsIt() {
    Mempool mempool = chain.mempool(clock);
    Tx unknown = pay(coin(1), 1_000);
    Tx orphan = pay(List.of(coin(0), out(unknown, 0)), 1_000, 1);
    mempool.accept(orphan);
    assertThat(mempool.hasOrphan(orphan.txId())).isTrue();
    Tx spendsCoin0 = pay(coin(0), 1_000);
    mempool.blockConnected(chain.mine(spendsCoin0), chain.chain().height());
    assertThat(mempool.hasOrphan(orphan.txId())).isFalse();
  }

  @Test
  void aBlockWithTheParentAdoptsTheOrphan() {
    Mempool mempool = chain.mempool(clock);
    Tx parent = pay(coin(0), 1_000);
    Tx child = pay(out(parent, 0), 1_000);
    mempool.accept(child);
    mempool.blockConnected(chain.mine(parent), chain.chain().height());
    assertThat(mempool.contains(child.txId())).isTrue();
  }
}
