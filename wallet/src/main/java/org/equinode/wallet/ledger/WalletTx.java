package org.equinode.wallet.ledger;

import java.util.Optional;
import org.equinode.chain.BlockHash;
import org.equinode.chain.tx.Tx;

/**
 * A transaction that concerns the wallet: it pays to the wallet or spends the wallet's coins.
 *
 * @param tx the transaction
 * @param block where it is confirmed, empty while it is in the mempool
 * @param time its block's time, or when it was first seen in the mempool (Unix seconds)
 */
public record WalletTx(Tx tx, Optional<Position> block, long time) {
  /**
   * Where a confirmed transaction is.
   *
   * @param height the block's height
   * @param hash the block's hash
   * @param index the transaction's position in the block (0 is the coinbase)
   */
  public record Position(int height, BlockHash hash, int index) {}

  public boolean isConfirmed() {
    return block.isPresent();
  }
}
