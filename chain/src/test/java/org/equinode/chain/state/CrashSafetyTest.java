package org.equinode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.chain.block.Block;
import org.equinode.store.KeyValueStore;
import org.equinode.store.RocksStore;
import org.equinode.testing.ChildJvm;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that reorganises the chain on RocksDB with SIGKILL at random moments, and after
 * each kill reopens the store: open's consistency check must pass, and the coin set must equal the
 * one computed from scratch, outside the chain state's code, from the stored active-chain blocks
 * (before and after {@code activateBestChain} finishes a reorganisation the kill cut short). At the
 * end a rebuild must reach the same state. The seed ({@code -Dequinode.crashSeed=...}) chooses the
 * child's branches and the kill delays; every failure message names it.
 */
class CrashSafetyTest {
  static final int KILLS = 20;
  static final long DEFAULT_SEED = 20_261_121L;

  /** The longest wait after the child is ready before it is killed. */
  static final int MAX_KILL_DELAY_MILLIS = 400;

  /** How long a child may take to start, open the store and say it is ready. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path folder;

  private final long seed = Long.getLong("equinode.crashSeed", DEFAULT_SEED);
  private final TestClock clock = TestClock.at(CrashLoop.NOW);

  @Test
  void killedAtRandomMomentsTheStateIsAlwaysConsistent() throws Exception {
    RandomGenerator random = SeededRandom.of(seed);
    Path db = folder.resolve("chain");
    try (RocksStore store = RocksStore.open(db)) {
      ChainState state = ChainState.open(store, db.toString(), CrashLoop.DEV, clock);
      for (Block block : TestBranch.fromGenesis(CrashLoop.DEV, 0).extend(110, 2).above(0)) {
        assertThat(state.submitBlock(block)).isInstanceOf(SubmitVerdict.Accepted.class);
      }
    }
    List<String> heights = new ArrayList<>();
    for (int kill = 1; kill <= KILLS; kill++) {
      long childSeed = random.nextLong();
      long delay = random.nextInt(MAX_KILL_DELAY_MILLIS + 1);
      String where = "seed " + seed + ", kill " + kill + " (child seed " + childSeed + ")";
      Path errors = folder.resolve("child-" + kill + ".err");
      try (ChildJvm child =
          ChildJvm.start(CrashLoop.class, errors, db.toString(), Long.toString(childSeed))) {
        String ready = child.awaitLine(READY_TIMEOUT, where);
        assertThat(ready).as(where).startsWith("ready ");
        Thread.sleep(delay);
        assertThat(child.isAlive()).as(where + " child died: " + child.errors()).isTrue();
      }
      heights.add(check(db, where));
    }
    // "h" = the tip after a kill; "h>h'" = a reorganisation the kill cut short, finished on reopen.
    System.out.println("crash test, seed " + seed + ", tips after each kill: " + heights);
    try (RocksStore store = RocksStore.open(db)) {
      ChainState state = ChainState.open(store, db.toString(), CrashLoop.DEV, clock);
      ChainTip tip = state.tip();
      UtxoDigest digest = state.utxoDigest();
      ChainState rebuilt = ChainState.rebuild(store, db.toString(), CrashLoop.DEV, clock);
      assertThat(rebuilt.tip()).as("seed " + seed + ": rebuild").isEqualTo(tip);
      assertThat(rebuilt.utxoDigest()).as("seed " + seed + ": rebuild").isEqualTo(digest);
    }
  }

  /** Reopens the store after a kill and checks it; says where the tip was and went. */
  private String check(Path db, String where) {
    try (RocksStore store = RocksStore.open(db)) {
      ChainState state = ChainState.open(store, db.toString(), CrashLoop.DEV, clock);
      checkAgainstScratch(state, store, where + ", as killed");
      ChainTip killed = state.tip();
      state.activateBestChain();
      checkAgainstScratch(state, store, where + ", after activateBestChain");
      return killed.equals(state.tip())
          ? Integer.toString(killed.height())
          : killed.height() + ">" + state.tip().height();
    }
  }

  /**
   * The coin set equals the one computed from the active chain's blocks alone, and there is one
   * undo record per block above the genesis block and one height entry per block.
   */
  private static void checkAgainstScratch(ChainState state, KeyValueStore store, String where) {
    List<Block> active = CrashLoop.activeBlocks(state);
    UtxoDigest scratch = TestBranch.adopt(CrashLoop.DEV, active, 0).expectedDigest();
    assertThat(state.utxoDigest()).as(where).isEqualTo(scratch);
    assertThat(count(store, StateKeys.UNDO)).as(where + ": undo records").isEqualTo(active.size());
    assertThat(count(store, StateKeys.HEIGHT))
        .as(where + ": height entries")
        .isEqualTo(active.size() + 1);
  }

  private static long count(KeyValueStore store, byte kind) {
    long[] count = {0};
    store.scan(StateKeys.prefix(kind), (key, value) -> ++count[0] > 0);
    return count[0];
  }
}
