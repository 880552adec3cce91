package org.equinode.wallet.spend;

import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;

/**
 * A signed transaction ready for the mempool.
 *
 * @param tx the transaction
 * @param fee what it pays the miner
 * @param spent the outputs its inputs spend, in input order
 */
public record BuiltTx(Tx tx, Amount fee, List<TxOut> spent) {
  public BuiltTx {
    spent = List.copyOf(spent);
  }
}
