package org.equinode.chain.mempool;

import org.equinode.chain.consensus.UtxoView;
import org.equinode.chain.params.ChainParams;

/**
 * What the mempool and the block assembler need of the chain: its parameters, its tip and its
 * unspent outputs. The node adapts its chain state to this in a few lines, so that neither the
 * mempool nor the miner depends on how the chain is stored.
 *
 * <p>The chain's owner must update the tip and the unspent outputs <em>before</em> it tells the
 * mempool about a change ({@link Mempool#blockConnected}, {@link Mempool#blockDisconnected}).
 * {@link #utxos()} may read the store live: a lookup that meets a coin above {@code tip().height()
 * + 1} (the chain moved on meanwhile) makes the mempool read the tip again.
 */
public interface MempoolChainView {
  ChainParams params();

  /** The active tip now. */
  Tip tip();

  /** The unspent outputs of the active chain, as of its tip. */
  UtxoView utxos();
}
