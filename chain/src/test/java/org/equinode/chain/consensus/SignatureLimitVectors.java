package org.equinode.chain.consensus;

import static org.equinode.chain.consensus.ConsensusVector.accept;
import static org.equinode.chain.consensus.ConsensusVector.reject;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.block.Block;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;

/**
 * Vectors of the signature limits, with real signatures: 8 transactions of 50 inputs of a 20-of-20
 * MULTI carry exactly {@link BlockRules#MAX_BLOCK_SIGOPS} (and each exactly {@link
 * TxRules#MAX_TX_SIGOPS}) in about 790 KB.
 */
final class SignatureLimitVectors {
  private static final int INPUTS_PER_TX = 50;
  private static final int TXS = 8;

  private SignatureLimitVectors() {}

  static List<ConsensusVector> all() {
    TestChain base = BaseChain.chain();
    List<Tx> dense = new ArrayList<>();
    for (int t = 0; t < TXS; t++) {
      dense.add(denseSpend(base, t * INPUTS_PER_TX, INPUTS_PER_TX, false));
    }
    Block atLimit = base.next().add(dense.toArray(Tx[]::new)).build();
    Tx oneMore = BodyVectors.spendCoinbase(base, 4, 1);
    List<Tx> overBlockLimit = new ArrayList<>(dense);
    overBlockLimit.add(oneMore);
    return List.of(
        accept(
            "exactly 8,000 signatures in a block of " + atLimit.size() + " bytes",
            base,
            atLimit,
            RejectReason.TOO_MANY_SIGOPS,
            RejectReason.TX_TOO_MANY_SIGOPS,
            RejectReason.BAD_BLOCK_SIZE),
        reject(
            "8,001 signatures in a block",
            RejectReason.TOO_MANY_SIGOPS,
            base,
            base.next().add(overBlockLimit.toArray(Tx[]::new)).build()),
        reject(
            "1,001 signatures in a transaction",
            RejectReason.TX_TOO_MANY_SIGOPS,
            base,
            base.next().add(denseSpend(base, 0, INPUTS_PER_TX, true)).build()));
  }

  /**
   * Spends {@code count} MULTI outputs from {@code first}, each signed by all 20 keys, and with
   * {@code plusCoinbase} also the mature coinbase of height 5 (one signature more).
   */
  private static Tx denseSpend(TestChain base, int first, int count, boolean plusCoinbase) {
    List<Utxo> inputs = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      inputs.add(BaseChain.multiOutput(i));
    }
    if (plusCoinbase) {
      inputs.add(base.coinbaseOutput(5));
    }
    Amount in =
        Amount.ofUnits(inputs.stream().mapToLong(u -> u.coin().output().amount().units()).sum());
    TxOut out = new TxOut(in.subtract(Amount.parse("0.01")), SampleTxs.address(7));
    return TxMaker.spend(
        inputs,
        List.of(out),
        0,
        (sigHash, i) ->
            i < count
                ? BaseChain.multiWitness(BaseChain.MULTI20, sigHash, i, BaseChain.allTwenty())
                : new InputWitness.Spend(
                    TestChain.minerLock(),
                    new Witness.Sig(TxMaker.sign(TestChain.MINER, sigHash, i))));
  }
}
