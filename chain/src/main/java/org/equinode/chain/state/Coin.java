package org.equinode.chain.state;

import org.equinode.chain.ChainException;
import org.equinode.chain.tx.TxOut;

/**
 * An unspent output with what the rules need to know about where it was created.
 *
 * @param output the amount and the lock hash it pays to
 * @param height the height of the block that created it
 * @param coinbase true when a coinbase created it (it matures before it can be spent)
 */
public record Coin(TxOut output, int height, boolean coinbase) {
  public Coin {
    if (height < 0) {
      throw new ChainException("coin height " + height + " is negative");
    }
  }
}
