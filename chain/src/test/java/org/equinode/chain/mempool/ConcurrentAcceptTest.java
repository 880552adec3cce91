package org.equinode.chain.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.chain.mempool.PoolChain.coin;
import static org.equinode.chain.mempool.PoolChain.out;
import static org.equinode.chain.mempool.PoolChain.pay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.junit.jupiter.api.Test;

/**
 * Threads offering conflicting transactions and chains at once: whatever the interleaving, the pool
 * ends consistent (no outpoint spent twice, every input found, the totals add up) and listeners
 * heard exactly what is in it.
 */
class ConcurrentAcceptTest {
  private static final int THREADS = 4;
  private static final int COINS = 40;

  @Test
  void staysConsistentUnderConcurrentOffers() throws Exception {
    PoolChain chain = PoolChain.create();
    Mempool mempool = chain.mempool(PoolChain.clock());
    Set<String> present = new HashSet<>();
    mempool.addListener(
        new MempoolListener() {
          @Override
          public synchronized void added(MempoolEntry entry) {
            assertThat(present.add(entry.txId().toString())).isTrue();
          }

          @Override
          public synchronized void removed(MempoolEntry entry, RemovalReason reason) {
            assertThat(present.remove(entry.txId().toString())).isTrue();
          }
        });
    List<List<Tx>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<Tx> txs = new ArrayList<>();
      for (int c = 0; c < COINS; c++) {
        // Each thread spends every coin with its own fee; a child follows each spend.
        Tx spend = pay(coin(c), 1_000L + 5_000L * t);
        txs.add(spend);
        txs.add(pay(out(spend, 0), 1_000));
      }
      work.add(txs);
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (List<Tx> txs : work) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  txs.forEach(mempool::accept);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    List<MempoolEntry> entries = mempool.entries();
    Set<OutPoint> spent = new HashSet<>();
    Set<String> ids = new HashSet<>();
    long bytes = 0;
    for (MempoolEntry entry : entries) {
      for (OutPoint input : entry.tx().body().inputs()) {
        assertThat(spent.add(input)).as("%s spent twice", input).isTrue();
        boolean inChain = chain.utxos().coin(input).isPresent();
        assertThat(inChain || ids.contains(input.txId().toString())).isTrue();
      }
      ids.add(entry.txId().toString());
      bytes += entry.size();
    }
    assertThat(mempool.info().bytes()).isEqualTo(bytes);
    assertThat(present).isEqualTo(ids);
    // Every coin ends spent by the best-paying thread's transaction: RBF let it win.
    assertThat(entries.stream().filter(entry -> entry.fee().units() == 1_000 + 5_000 * 3))
        .hasSize(COINS);
  }
}
