package org.equinode.chain.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.lock.SpendContext;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.SigHash;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;

/**
 * The rules of a non-coinbase transaction against the unspent outputs, shared by the block path and
 * the mempool path so that no rule is written twice. In order: finality, then per input existence,
 * maturity and the revealed lock's hash, then the amounts. Witnesses are not checked here but
 * returned as {@link WitnessCheck}s, so that a block can run all of them together, in parallel.
 */
final class InputRules {
  private InputRules() {}

  /**
   * Checks {@code tx} for inclusion in a block at {@code height} whose inputs are looked up in
   * {@code coins}.
   */
  static Verdict<SpentInputs> spend(Tx tx, UtxoView coins, int height, ChainParams params) {
    TxBody body = tx.body();
    if (body.lockTime() > height) {
      return Verdict.reject(
          RejectReason.NON_FINAL,
          "tx " + tx.txId() + " has lock time " + body.lockTime() + ", above height " + height);
    }
    List<Utxo> spent = new ArrayList<>(body.inputs().size());
    Amount in = Amount.ZERO;
    for (int i = 0; i < body.inputs().size(); i++) {
      OutPoint outPoint = body.inputs().get(i);
      String where = "tx " + tx.txId() + " input " + i;
      Optional<Coin> found = coins.coin(outPoint);
      if (found.isEmpty()) {
        return Verdict.reject(
            RejectReason.MISSING_OR_SPENT_INPUTS,
            where + " spends " + outPoint + ", which is missing or spent");
      }
      Coin coin = found.get();
      if (coin.height() > height) {
        throw new ConsensusException(
            "the view holds " + outPoint + " at height " + coin.height() + ", above " + height);
      }
      int age = height - coin.height();
      if (coin.coinbase() && age < params.coinbaseMaturity()) {
        return Verdict.reject(
            RejectReason.PREMATURE_COINBASE_SPEND,
            where
                + " spends the coinbase output "
                + outPoint
                + " after "
                + age
                + " blocks, below the maturity "
                + params.coinbaseMaturity());
      }
      InputWitness.Spend witness = spendWitness(tx, i);
      if (!witness.lock().hash().equals(coin.output().lockHash())) {
        return Verdict.reject(
            RejectReason.LOCK_MISMATCH,
            where
                + " reveals a lock hashing to "
                + witness.lock().hash()
                + ", but the output pays to "
                + coin.output().lockHash());
      }
      Optional<Amount> sum = in.tryAdd(coin.output().amount());
      if (sum.isEmpty()) {
        return Verdict.reject(
            RejectReason.BAD_INPUT_VALUES, where + ": the spent amounts exceed MAX_MONEY");
      }
      in = sum.get();
      spent.add(new Utxo(outPoint, coin));
    }
    Amount out = body.outputTotal();
    Optional<Amount> fee = in.trySubtract(out);
    if (fee.isEmpty()) {
      return Verdict.reject(
          RejectReason.OVERSPEND, "tx " + tx.txId() + " spends " + in + " but creates " + out);
    }
    return Verdict.accept(new SpentInputs(spent, fee.get(), witnessChecks(tx, spent, height)));
  }

  private static List<WitnessCheck> witnessChecks(Tx tx, List<Utxo> spent, int height) {
    List<TxOut> spentOutputs = spent.stream().map(utxo -> utxo.coin().output()).toList();
    SigHash sigHash = SigHash.of(tx.body(), spentOutputs);
    List<WitnessCheck> checks = new ArrayList<>(spent.size());
    for (int i = 0; i < spent.size(); i++) {
      InputWitness.Spend witness = spendWitness(tx, i);
      SpendContext context =
          new SpendContext(
              sigHash.forInput(i),
              height,
              tx.body().lockTime(),
              height - spent.get(i).coin().height());
      checks.add(new WitnessCheck(tx.txId(), i, witness.lock(), witness.witness(), context));
    }
    return checks;
  }

  private static InputWitness.Spend spendWitness(Tx tx, int input) {
    return switch (tx.witnesses().get(input)) {
      case InputWitness.Spend spend -> spend;
      case InputWitness.Coinbase coinbase ->
          throw new ConsensusException("tx " + tx.txId() + " is a coinbase, not a spend");
    };
  }
}
