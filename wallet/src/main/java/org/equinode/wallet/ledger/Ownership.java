package org.equinode.wallet.ledger;

import java.util.Optional;
import org.equinode.chain.LockHash;

/** What the ledger asks the wallet's keys: is this output ours? */
public interface Ownership {
  /** How the wallet owns outputs paying to {@code lockHash}, if it does. */
  Optional<CoinKind> owner(LockHash lockHash);

  /**
   * An output paying to {@code lockHash} (which the wallet owns) appeared in a block or the
   * mempool: a receive key becomes used, and the window of derived keys may move.
   */
  void seen(LockHash lockHash);
}
