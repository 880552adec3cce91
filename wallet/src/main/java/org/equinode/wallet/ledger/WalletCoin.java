package org.equinode.wallet.ledger;

import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.TxOut;

/**
 * An output the wallet owns that no block has spent yet.
 *
 * @param outPoint where it is
 * @param output its amount and lock hash
 * @param kind a receive key's or a watched lock's
 * @param height the block that created it, empty while its transaction is in the mempool
 * @param coinbase true when a coinbase created it (it must mature before it is spent)
 * @param spentBy the mempool transaction spending it, if any
 */
public record WalletCoin(
    OutPoint outPoint,
    TxOut output,
    CoinKind kind,
    Optional<Integer> height,
    boolean coinbase,
    Optional<TxId> spentBy) {
  public Amount amount() {
    return output.amount();
  }

  public LockHash lockHash() {
    return output.lockHash();
  }

  /** Blocks on top of and including the one that created it, for a chain whose tip is given. */
  public int confirmations(int tipHeight) {
    return height.map(h -> Math.max(0, tipHeight - h + 1)).orElse(0);
  }

  /**
   * True when a transaction in the next block may spend it: confirmed, and if a coinbase, at least
   * {@code maturity} blocks deep.
   */
  public boolean isMature(int tipHeight, int maturity) {
    if (height.isEmpty()) {
      return false;
    }
    return !coinbase || confirmations(tipHeight) >= maturity;
  }
}
