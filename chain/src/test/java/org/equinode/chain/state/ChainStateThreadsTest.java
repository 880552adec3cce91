package org.equinode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.common.Network;
import org.equinode.store.MemoryStore;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Two threads submit competing branches at once while a third reads: listeners must hear a sequence
 * of connects and disconnects that replays to the final active chain, and no query may fail.
 */
class ChainStateThreadsTest {
  private static final ChainParams DEV = ChainParams.of(Network.DEV);

  /** Follows the events like a wallet would, checking that each one fits the chain so far. */
  private static final class Follower implements ChainListener {
    final List<BlockHash> chain = new ArrayList<>(List.of(DEV.genesisHash()));
    final List<String> errors = new ArrayList<>();

    @Override
    public synchronized void blockConnected(Block block, int height) {
      if (height != chain.size() || !block.header().previous().equals(chain.getLast())) {
        errors.add("connected " + block.hash() + " at " + height + " off the chain");
      }
      chain.add(block.hash());
    }

    @Override
    public synchronized void blockDisconnected(Block block, int height) {
      if (height != chain.size() - 1 || !block.hash().equals(chain.getLast())) {
        errors.add("disconnected " + block.hash() + " at " + height + ", not the tip");
      }
      chain.removeLast();
    }
  }

  @Test
  void competingSubmittersAndAReaderSeeAConsistentChain() throws InterruptedException {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(105, 1);
    TestBranch rival = main.fork(100, 1).extend(40, 1);
    main.extend(30, 1);
    TestClock clock = TestClock.at(Instant.ofEpochSecond(DEV.genesisTime() + 1_000_000));
    ChainState state = ChainState.open(new MemoryStore(), "memory", DEV, clock);
    Follower follower = new Follower();
    state.addListener(follower);
    main.above(0).subList(0, 100).forEach(state::submitBlock);

    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    OutPoint someCoin = main.expectedCoins().get(0);
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!done.get()) {
                    try {
                      ChainTip tip = state.tip();
                      state.utxoView().coin(someCoin);
                      if (state.locator().isEmpty() || state.header(tip.hash()).isEmpty()) {
                        failures.add("reader: no locator or no header of the tip " + tip);
                      }
                    } catch (RuntimeException e) {
                      failures.add("reader: " + e);
                    }
                  }
                });
    List<Thread> submitters = new ArrayList<>();
    for (List<Block> blocks : List.of(main.above(100), rival.above(100))) {
      submitters.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                      for (Block block : blocks) {
                        SubmitVerdict verdict = state.submitBlock(block);
                        if (!(verdict instanceof SubmitVerdict.Accepted)) {
                          failures.add("submitter: " + verdict);
                        }
                      }
                    } catch (InterruptedException | RuntimeException e) {
                      failures.add("submitter: " + e);
                    }
                  }));
    }
    start.countDown();
    for (Thread submitter : submitters) {
      submitter.join();
    }
    done.set(true);
    reader.join();

    assertThat(failures).isEmpty();
    assertThat(follower.errors).isEmpty();
    assertThat(state.tip().hash()).isEqualTo(rival.tip().hash());
    assertThat(state.utxoDigest()).isEqualTo(rival.expectedDigest());
    synchronized (follower) {
      assertThat(follower.chain).hasSize(state.tip().height() + 1);
      for (int h = 0; h <= state.tip().height(); h++) {
        assertThat(follower.chain.get(h)).isEqualTo(state.hashAt(h).orElseThrow());
      }
    }
  }
}
