package org.equinode.chain.consensus;

import org.equinode.chain.tx.TxOut;

/**
 * An unspent output as the UTXO set keeps it: the output and where it came from.
 *
 * @param output the amount and lock hash
 * @param height the height of the block that created it
 * @param coinbase whether a coinbase created it (then it matures before it may be spent)
 */
public record Coin(TxOut output, int height, boolean coinbase) {
  public Coin {
    if (height < 0) {
      throw new ConsensusException("coin at negative height " + height);
    }
  }
}
