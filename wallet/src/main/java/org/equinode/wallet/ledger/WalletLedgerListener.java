package org.equinode.wallet.ledger;

import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.tx.Tx;

/**
 * How the node tells a wallet about the chain and the mempool. The contract:
 *
 * <ul>
 *   <li>Calls come from one thread at a time, in the order things happen.
 *   <li>{@link #blockConnected} is called for each block that becomes the tip, in chain order: its
 *       parent is the wallet's tip (any block may come first when the wallet has none). Its
 *       transactions leave the mempool: no {@link #txRemoved} is needed for them.
 *   <li>{@link #blockDisconnected} is called for the tip only, during a reorganisation, before the
 *       blocks of the new branch are connected. The wallet forgets that block's transactions; the
 *       node then reports with {@link #txAdded} those its mempool takes back.
 *   <li>{@link #txAdded} reports a transaction the mempool accepted (parents before children), and
 *       {@link #txRemoved} one it dropped for any reason other than a block (expiry, eviction,
 *       replacement, conflict).
 * </ul>
 *
 * <p>A wallet ignores what does not concern it, so the node may send every block and transaction.
 */
public interface WalletLedgerListener {
  /** {@code block} at {@code height} became the tip. */
  void blockConnected(int height, Block block);

  /** The tip, {@code block} at {@code height}, was removed; its parent is the tip again. */
  void blockDisconnected(int height, Block block);

  /** The mempool accepted {@code tx}. */
  void txAdded(Tx tx);

  /** The mempool dropped the transaction {@code txId} (not because a block included it). */
  void txRemoved(TxId txId);
}
