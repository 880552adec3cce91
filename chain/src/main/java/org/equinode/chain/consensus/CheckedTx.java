package org.equinode.chain.consensus;

import java.util.List;
import org.equinode.chain.Amount;

/**
 * A transaction that passed every rule against a view of unspent outputs.
 *
 * @param fee what it spends minus what it creates
 * @param sigChecks the signatures verified
 * @param spent the coins its inputs spend, in input order
 */
public record CheckedTx(Amount fee, int sigChecks, List<Utxo> spent) {
  public CheckedTx {
    spent = List.copyOf(spent);
  }
}
