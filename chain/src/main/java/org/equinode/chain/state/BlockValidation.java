package org.equinode.chain.state;

import java.util.Optional;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;

/**
 * The consensus rules as the chain state asks for them. Each check returns the reason a rule is
 * broken, or empty when the block passes. Implementations are stateless and thread-safe.
 */
interface BlockValidation {
  /**
   * What a new block's parent tells about it.
   *
   * @param hash the parent's hash
   * @param height the parent's height (the block's is one more)
   * @param time the parent's header time
   * @param medianTimePast the median time past ending with the parent
   * @param now the validating node's clock, seconds since the epoch
   */
  record ParentContext(BlockHash hash, int height, long time, long medianTimePast, long now) {}

  /** The header's own rules and those in the context of its parent (time, target). */
  Optional<String> checkHeader(BlockHeader header, ParentContext parent);

  /**
   * The rules of the transactions that need no coins: roots, coinbase first and alone, the
   * coinbase's height. A failure here condemns these bytes, not the header: a peer may have
   * tampered with the transactions.
   */
  Optional<String> checkBody(Block block, int height);

  /**
   * The rules that need the coins the block spends, read from {@code before} (the state at its
   * parent; outputs created earlier in the same block are the implementation's to track).
   */
  Optional<String> checkConnect(Block block, int height, UtxoView before);
}
