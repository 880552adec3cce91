package org.equinode.chain.state;

import org.equinode.chain.block.Block;

/**
 * Hears the active chain change, one block at a time, in order, after each change is written.
 * During a reorganisation it hears every disconnect (tip first) and then every connect. A listener
 * may call the chain state's query methods, not its mutating ones, and should return quickly.
 */
public interface ChainListener {
  /** {@code block} became the tip at {@code height}. */
  void blockConnected(Block block, int height);

  /**
   * {@code block}, the tip at {@code height}, was taken off the active chain; its transactions (but
   * the coinbase) may be valid again on the new branch.
   */
  void blockDisconnected(Block block, int height);
}
