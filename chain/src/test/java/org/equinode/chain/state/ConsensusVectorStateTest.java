package org.equinode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.BlockRules;
import org.equinode.chain.consensus.ConsensusVector;
import org.equinode.chain.consensus.ConsensusVectors;
import org.equinode.chain.consensus.Verdict;
import org.equinode.chain.params.ChainParams;
import org.equinode.common.Network;
import org.equinode.store.Durability;
import org.equinode.store.MemoryStore;
import org.equinode.store.WriteBatch;
import org.equinode.testing.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the consensus package's accept/reject vectors through the chain state: the chain of each
 * vector is submitted block by block (once per distinct chain; each vector gets a copy of that
 * store), then the candidate; an accepted candidate becomes the tip, a rejected one is refused for
 * the vector's rule and leaves the tip and the coins as they were.
 */
class ConsensusVectorStateTest {
  private static final ChainParams DEV = ChainParams.of(Network.DEV);

  static List<ConsensusVector> vectors() {
    return ConsensusVectors.all();
  }

  /** The stores holding each vector chain, built once and copied for every vector. */
  private static final Map<List<BlockHash>, MemoryStore> CHAINS = new HashMap<>();

  private static synchronized MemoryStore copyOfChain(List<Block> blocks, TestClock clock) {
    List<BlockHash> hashes = blocks.stream().map(Block::hash).toList();
    MemoryStore base =
        CHAINS.computeIfAbsent(
            hashes,
            k -> {
              MemoryStore store = new MemoryStore();
              ChainState state = ChainState.open(store, "memory", DEV, clock);
              for (Block block : blocks) {
                assertThat(state.submitBlock(block)).isInstanceOf(SubmitVerdict.Accepted.class);
              }
              return store;
            });
    WriteBatch copy = new WriteBatch();
    base.scan(new byte[0], (key, value) -> copy.put(key, value) != null);
    MemoryStore store = new MemoryStore();
    store.write(copy, Durability.PROCESS_CRASH);
    return store;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void replays(ConsensusVector vector) {
    TestClock clock = TestClock.at(Instant.ofEpochSecond(vector.now()));
    ChainState state = ChainState.open(copyOfChain(vector.chain(), clock), "memory", DEV, clock);
    assertThat(state.tip().height()).isEqualTo(vector.chain().size());
    ChainTip before = state.tip();
    UtxoDigest coins = state.utxoDigest();
    Verdict<Block> decoded = BlockRules.decode(vector.candidate());
    if (decoded instanceof Verdict.Reject<Block> reject) {
      assertThat(vector.rejectedFor()).contains(reject.reason());
      return;
    }
    Block candidate = decoded.orElseThrow();
    SubmitVerdict verdict = state.submitBlock(candidate);
    if (vector.rejectedFor().isEmpty()) {
      assertThat(verdict)
          .isEqualTo(new SubmitVerdict.Accepted(candidate.hash(), before.height() + 1, true));
      assertThat(state.tip().hash()).isEqualTo(candidate.hash());
    } else {
      assertThat(verdict).isInstanceOf(SubmitVerdict.Rejected.class);
      assertThat(((SubmitVerdict.Rejected) verdict).reason())
          .as(verdict.toString())
          .isEqualTo(vector.rejectedFor().get());
      assertThat(state.tip()).isEqualTo(before);
      assertThat(state.utxoDigest()).isEqualTo(coins);
    }
  }
}
