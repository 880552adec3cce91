package org.equinode.chain.state;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.chain.block.Block;
import org.equinode.chain.params.ChainParams;
import org.equinode.common.Network;
import org.equinode.store.RocksStore;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;

/**
 * The child process of {@link CrashSafetyTest}: opens the chain state in a RocksDB folder, finishes
 * any reorganisation a kill cut short, prints {@code ready <height>}, then reorganises forever (a
 * branch from 1 to 12 blocks below the tip that wins by one block, with spending transactions)
 * until it is killed. Any surprise ends it with status 3 and the reason on stderr.
 */
public final class CrashLoop {
  static final ChainParams DEV = ChainParams.of(Network.DEV);

  /** The clock of every process of the test: far after the blocks' times. */
  static final Instant NOW = Instant.ofEpochSecond(DEV.genesisTime() + 10_000_000L);

  static final int MAX_DEPTH = 12;

  private CrashLoop() {}

  public static void main(String[] args) {
    try {
      run(Path.of(args[0]), Long.parseLong(args[1]));
    } catch (RuntimeException | AssertionError e) {
      e.printStackTrace();
      System.exit(3);
    }
  }

  private static void run(Path folder, long seed) {
    RandomGenerator random = SeededRandom.of(seed);
    RocksStore store = RocksStore.open(folder);
    ChainState state = ChainState.open(store, folder.toString(), DEV, TestClock.at(NOW));
    state.activateBestChain();
    TestBranch branch = TestBranch.adopt(DEV, activeBlocks(state), random.nextInt(1 << 16));
    System.out.println("ready " + state.tip().height());
    System.out.flush();
    while (true) {
      int height = branch.height();
      int depth = 1 + random.nextInt(Math.min(MAX_DEPTH, height));
      TestBranch next = branch.fork(height - depth, random.nextInt(1 << 16)).extend(depth + 1, 2);
      for (Block block : next.above(height - depth)) {
        SubmitVerdict verdict = state.submitBlock(block);
        if (!(verdict instanceof SubmitVerdict.Accepted)) {
          throw new AssertionError("seed " + seed + ": " + verdict);
        }
      }
      if (!state.tip().hash().equals(next.tip().hash())) {
        throw new AssertionError("seed " + seed + ": the branch did not win");
      }
      branch = next;
    }
  }

  /** The active chain's blocks above the genesis block, read back from the store. */
  static List<Block> activeBlocks(ChainState state) {
    List<Block> blocks = new ArrayList<>();
    for (int h = 1; h <= state.tip().height(); h++) {
      blocks.add(state.block(state.hashAt(h).orElseThrow()).orElseThrow());
    }
    return blocks;
  }
}
