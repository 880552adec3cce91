package org.equinode.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.equinode.chain.lock.LockChecker;
import org.equinode.chain.lock.LockVerdict;
import org.equinode.chain.lock.SpendContext;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.SigHash;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxCodec;
import org.equinode.chain.tx.TxOut;

/**
 * Checks a transaction the way a node's validation would, from nothing but the transaction and the
 * outputs it spends: it decodes canonically, every input reveals the lock its output pays to, and
 * {@link LockChecker} accepts every witness against the signature hash {@link SigHash} computes.
 */
public final class NodeCheck {
  private NodeCheck() {}

  /**
   * Asserts that a node would accept {@code tx} in the block at {@code blockHeight}.
   *
   * @param spent the outputs the inputs spend, in input order
   * @param blockHeight the height of the block that would include the transaction
   * @param inputAges each input's age at that height
   */
  public static void accepts(Tx tx, List<TxOut> spent, int blockHeight, List<Integer> inputAges) {
    assertThat(TxCodec.decode(tx.encode())).isEqualTo(tx);
    assertThat(tx.body().lockTime()).isLessThanOrEqualTo(blockHeight);
    SigHash sigHash = SigHash.of(tx.body(), spent);
    for (int i = 0; i < spent.size(); i++) {
      InputWitness.Spend spend = (InputWitness.Spend) tx.witnesses().get(i);
      assertThat(spend.lock().hash()).as("input %d's lock", i).isEqualTo(spent.get(i).lockHash());
      SpendContext context =
          new SpendContext(
              sigHash.forInput(i), blockHeight, tx.body().lockTime(), inputAges.get(i));
      LockVerdict verdict = LockChecker.check(spend.lock(), spend.witness(), context);
      assertThat(verdict).as("input %d", i).isInstanceOf(LockVerdict.Accept.class);
    }
  }

  /** The same with every input old enough for any OLDER the tests use. */
  public static void accepts(Tx tx, List<TxOut> spent, int blockHeight) {
    accepts(tx, spent, blockHeight, spent.stream().map(s -> 1_000).toList());
  }
}
