package org.equinode.chain.state;

import java.util.Optional;
import org.equinode.chain.tx.OutPoint;

/** Read access to a set of unspent coins. */
@FunctionalInterface
public interface UtxoView {
  /** The unspent coin at {@code outPoint}, or empty when there is none (never created or spent). */
  Optional<Coin> coin(OutPoint outPoint);
}
