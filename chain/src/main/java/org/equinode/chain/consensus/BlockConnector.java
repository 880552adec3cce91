package org.equinode.chain.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.block.Block;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.Tx;

/**
 * A block's transactions against its parent's unspent outputs. Every rule but the witnesses first,
 * transaction by transaction in block order (the coinbase's height; then for each transaction
 * {@link InputRules}); then the coinbase's amount; then every witness of the block at once through
 * the {@link SignatureChecker}, whose first failure in block order is reported.
 */
final class BlockConnector {
  private BlockConnector() {}

  static Verdict<ConnectedBlock> connect(
      Block block, int height, UtxoView view, ChainParams params, SignatureChecker checker) {
    List<Tx> txs = block.txs();
    Tx coinbase = txs.get(0);
    if (!coinbase.isCoinbase()) {
      throw new ConsensusException(
          "block " + block.hash() + " has no coinbase: check its body before connecting it");
    }
    if (coinbase.body().lockTime() != height) {
      return Verdict.reject(
          RejectReason.BAD_CB_HEIGHT,
          "block "
              + block.hash()
              + ": the coinbase's lock time "
              + coinbase.body().lockTime()
              + " is not the height "
              + height);
    }
    BlockCoins coins = new BlockCoins(view);
    List<Utxo> created = new ArrayList<>(coins.add(coinbase, height));
    List<Utxo> spent = new ArrayList<>();
    List<WitnessCheck> checks = new ArrayList<>();
    Amount fees = Amount.ZERO;
    for (int i = 1; i < txs.size(); i++) {
      Tx tx = txs.get(i);
      SpentInputs inputs;
      switch (InputRules.spend(tx, coins, height, params)) {
        case Verdict.Accept<SpentInputs> accept -> inputs = accept.result();
        case Verdict.Reject<SpentInputs> reject -> {
          return reject.retype();
        }
      }
      inputs.spent().forEach(utxo -> coins.spend(utxo.outPoint()));
      spent.addAll(inputs.spent());
      created.addAll(coins.add(tx, height));
      checks.addAll(inputs.checks());
      Optional<Amount> sum = fees.tryAdd(inputs.fee());
      if (sum.isEmpty()) {
        return Verdict.reject(
            RejectReason.BAD_INPUT_VALUES, "block " + block.hash() + ": the fees exceed MAX_MONEY");
      }
      fees = sum.get();
    }
    Amount allowed = params.subsidyAt(height).tryAdd(fees).orElse(Amount.ofUnits(Amount.MAX_MONEY));
    Amount claimed = coinbase.body().outputTotal();
    if (claimed.compareTo(allowed) > 0) {
      return Verdict.reject(
          RejectReason.BAD_CB_AMOUNT,
          "block "
              + block.hash()
              + ": the coinbase claims "
              + claimed
              + ", above the subsidy "
              + params.subsidyAt(height)
              + " plus fees "
              + fees);
    }
    Amount blockFees = fees;
    return checker
        .check(checks)
        .then(
            sigChecks ->
                Verdict.accept(new ConnectedBlock(height, blockFees, sigChecks, spent, created)));
  }
}
