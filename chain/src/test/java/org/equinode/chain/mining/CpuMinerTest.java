package org.equinode.chain.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.chain.mempool.PoolChain.coin;
import static org.equinode.chain.mempool.PoolChain.pay;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.consensus.TestChain;
import org.equinode.chain.mempool.Mempool;
import org.equinode.chain.mempool.PoolChain;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.Tx;
import org.equinode.common.ByteReader;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;

class CpuMinerTest {
  private static final LockHash PAY_TO = SampleTxs.address(4);

  private final PoolChain chain = PoolChain.create();
  private final TestClock clock = PoolChain.clock();
  private final Mempool mempool = chain.mempool(clock);
  private final BlockAssembler assembler = new BlockAssembler(chain, mempool::entries, clock);

  private void assertValidNext(Block block) {
    assertThat(block.header().hasProofOfWork()).isTrue();
    assertThat(
            chain
                .chain()
                .validate(block, TestChain.NOW, SignatureChecker.sequential())
                .isAccepted())
        .isTrue();
  }

  @Test
  void solvesOnSeveralThreads() {
    mempool.accept(pay(coin(0), 1_000));
    Block block = new CpuMiner(2).solve(assembler.assemble(PAY_TO), () -> false).orElseThrow();
    assertValidNext(block);
    assertThat(block.txs()).hasSize(2);
  }

  @Test
  void movesToTheNextExtraNonceWhenItsNoncesRunOut() {
    BlockTemplate template = assembler.assemble(PAY_TO);
    Block block = new CpuMiner(1, 2).solve(template, () -> false).orElseThrow();
    assertValidNext(block);
    byte[] data = ((InputWitness.Coinbase) block.txs().get(0).witnesses().get(0)).data();
    long extraNonce = ByteReader.of(data).readInt64LE();
    assertThat(extraNonce).isPositive();
    assertThat(Long.compareUnsigned(block.header().nonce(), 2)).isNegative();
    assertThat(block).isEqualTo(template.block(extraNonce, block.header().nonce()));
  }

  /** A template no miner will solve: the hardest target there is. */
  private BlockTemplate impossible() {
    BlockTemplate easy = assembler.assemble(PAY_TO);
    return new BlockTemplate(
        easy.previous(),
        easy.height(),
        easy.time(),
        CompactTarget.of(BigInteger.ONE),
        easy.payTo(),
        easy.coinbaseValue(),
        easy.extraData(),
        easy.txs(),
        easy.fees(),
        easy.sigOps());
  }

  @Test
  void stopsWhenCancelled() {
    BlockTemplate template = impossible();
    CountDownLatch asked = new CountDownLatch(1);
    AtomicBoolean cancel = new AtomicBoolean();
    CompletableFuture<Optional<Block>> result =
        CompletableFuture.supplyAsync(
            () ->
                new CpuMiner(2)
                    .solve(
                        template,
                        () -> {
                          asked.countDown();
                          return cancel.get();
                        }));
    awaitUninterruptibly(asked);
    cancel.set(true);
    assertThat(result.join()).isEmpty();
  }

  @Test
  void stopsWhenItsThreadIsInterrupted() throws InterruptedException {
    BlockTemplate template = impossible();
    CountDownLatch asked = new CountDownLatch(1);
    AtomicReference<Optional<Block>> result = new AtomicReference<>(Optional.empty());
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        Thread.ofPlatform()
            .start(
                () -> {
                  result.set(
                      new CpuMiner(1)
                          .solve(
                              template,
                              () -> {
                                asked.countDown();
                                return false;
                              }));
                  stillInterrupted.set(Thread.currentThread().isInterrupted());
                });
    awaitUninterruptibly(asked);
    caller.interrupt();
    caller.join();
    assertThat(result.get()).isEmpty();
    assertThat(stillInterrupted).isTrue();
  }

  @Test
  void minesBlocksEachOnTheTipThePreviousMade() {
    Tx tx = pay(coin(0), 1_000);
    mempool.accept(tx);
    int start = chain.chain().height();
    BlockSink sink =
        block -> {
          chain.chain().connect(block);
          mempool.blockConnected(block, chain.chain().height());
        };

    List<Block> mined = new CpuMiner(2).mineBlocks(3, PAY_TO, assembler, sink, () -> false);

    assertThat(mined).hasSize(3);
    assertThat(chain.chain().height()).isEqualTo(start + 3);
    assertThat(mined.get(0).txs()).contains(tx);
    assertThat(mined.get(2).hash()).isEqualTo(chain.chain().tip().hash());
    assertThat(mempool.info().size()).isZero();
    assertThat(new CpuMiner(1).mineBlocks(2, PAY_TO, assembler, sink, () -> true)).isEmpty();
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // keep waiting: the test thread is not the one being interrupted
      }
    }
  }
}
