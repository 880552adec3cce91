package org.equinode.chain.consensus;

import java.util.Optional;
import org.equinode.chain.tx.OutPoint;

/**
 * The unspent outputs as of the tip a block or transaction is checked against. The chain state
 * implements it over its UTXO set (for a block, as of the block's parent); the mempool over the
 * UTXO set plus its own transactions' outputs. Lookups only: validation never changes it.
 */
@FunctionalInterface
public interface UtxoView {
  /** The unspent coin at {@code outPoint}, or empty when there is none or it is spent. */
  Optional<Coin> coin(OutPoint outPoint);
}
