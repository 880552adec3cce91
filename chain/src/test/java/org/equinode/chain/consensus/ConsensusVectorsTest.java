package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.equinode.chain.Amount;
import org.equinode.chain.TestKeys;
import org.equinode.chain.block.Block;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every {@link ConsensusVector} through {@link BlockRules}: each rejection must name its
 * rule, each acceptance must be accepted, and the parallel signature checker must agree with the
 * sequential one.
 */
class ConsensusVectorsTest {
  /** Reasons no block can earn on a real chain; {@code TxRulesTest} covers them. */
  private static final Set<RejectReason> NOT_FROM_BLOCKS =
      EnumSet.of(
          RejectReason.BAD_TX_SIZE,
          RejectReason.BAD_INPUT_VALUES,
          RejectReason.COINBASE_OUTSIDE_BLOCK);

  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stopPool() {
    pool.close();
  }

  static List<ConsensusVector> vectors() {
    return ConsensusVectors.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void replays(ConsensusVector vector) {
    TestChain chain = TestChain.replay(vector.chain());
    Verdict<ConnectedBlock> sequential = run(chain, vector, SignatureChecker.sequential());
    Verdict<ConnectedBlock> parallel = run(chain, vector, SignatureChecker.parallel(pool, 2));

    if (vector.rejectedFor().isPresent()) {
      assertThat(sequential.rejectReason())
          .as(sequential.toString())
          .isEqualTo(vector.rejectedFor());
      assertThat(((Verdict.Reject<ConnectedBlock>) sequential).detail()).isNotBlank();
    } else {
      assertThat(sequential.isAccepted()).as(sequential.toString()).isTrue();
    }
    assertThat(parallel).isEqualTo(sequential);
  }

  private static Verdict<ConnectedBlock> run(
      TestChain chain, ConsensusVector vector, SignatureChecker checker) {
    return BlockRules.decode(vector.candidate())
        .then(block -> chain.validate(block, vector.now(), checker));
  }

  @Test
  void everyRuleHasAnAcceptAndARejectCase() {
    Set<RejectReason> rejected = EnumSet.noneOf(RejectReason.class);
    Set<RejectReason> accepted = EnumSet.noneOf(RejectReason.class);
    for (ConsensusVector vector : vectors()) {
      (vector.rejectedFor().isPresent() ? rejected : accepted).addAll(vector.exercises());
    }
    Set<RejectReason> expected = EnumSet.complementOf(EnumSet.copyOf(NOT_FROM_BLOCKS));
    assertThat(rejected).as("rules with a reject case").containsAll(expected);
    assertThat(accepted).as("rules with an accept case").containsAll(expected);
  }

  @Test
  void namesAreUnique() {
    assertThat(vectors().stream().map(ConsensusVector::name).distinct().count())
        .isEqualTo(vectors().size());
  }

  @Test
  void connectingAndUndoingABlockRestoresTheUtxoSet() {
    TestChain base = BaseChain.chain();
    MemoryUtxoView before = ((MemoryUtxoView) base.utxos()).copy();
    Tx parent = BodyVectors.spendCoinbase(base, 3, 1);
    Tx child =
        TxMaker.sig(
            List.of(TestChain.output(parent, 0, base.height() + 1)),
            List.of(new TxOut(Amount.ofEq(48), SampleTxs.address(8))),
            0,
            TestKeys.privateKey(7));
    Block block = base.next().add(parent, child).build();
    ConnectedBlock connected =
        base.validate(block, TestChain.NOW, SignatureChecker.sequential()).orElseThrow();
    assertThat(connected.fees()).isEqualTo(Amount.ofEq(2));
    assertThat(connected.removed()).containsExactly(base.coinbaseOutput(3));
    assertThat(connected.added()).hasSize(2); // the coinbase's output and the child's
    assertThat(connected.spent()).hasSize(2);
    assertThat(connected.created()).hasSize(3);

    MemoryUtxoView view = before.copy();
    view.apply(connected);
    assertThat(view.size()).isEqualTo(before.size() + 1);
    view.undo(connected);
    assertThat(view.entries()).isEqualTo(before.entries());
  }
}
