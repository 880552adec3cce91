package org.equinode.wallet.spend;

import java.util.Optional;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.TxOut;
import org.equinode.wallet.WalletException;

/**
 * A coin the builder may spend: where it is, what it holds, the lock it pays to (revealed when
 * spent) and the plan for satisfying it.
 *
 * @param outPoint the coin
 * @param output its amount and lock hash
 * @param lock the lock whose hash {@code output} carries
 * @param plan how the witness will satisfy {@code lock}
 * @param height the block that created the coin, empty if unconfirmed
 */
public record SpendableInput(
    OutPoint outPoint, TxOut output, Lock lock, WitnessPlan plan, Optional<Integer> height) {
  public SpendableInput {
    if (!lock.hash().equals(output.lockHash())) {
      throw new WalletException(
          "the lock given for " + outPoint + " is not the one its output pays to");
    }
  }

  /** The bytes this input adds to a transaction: outpoint, lock and witness. */
  public int size() {
    return OutPoint.ENCODED_LENGTH + lock.encode().length + plan.size();
  }
}
