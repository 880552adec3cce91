package org.equinode.chain.mempool;

import org.equinode.chain.BlockHash;

/**
 * The tip of the active chain as the mempool and the block assembler need it, read at one moment.
 *
 * @param hash the tip's block hash: a template's parent
 * @param height the tip's height; transactions are checked for the block at {@code height + 1}
 * @param time the tip's header time, from which ASERT computes the next target
 * @param medianTimePast the median time of the last blocks ending with the tip: the next block's
 *     time must be above it
 */
public record Tip(BlockHash hash, int height, long time, long medianTimePast) {
  public Tip {
    if (height < 0) {
      throw new MempoolException("negative tip height " + height);
    }
  }

  /** The height of the next block, for which transactions are checked. */
  public int nextHeight() {
    return height + 1;
  }
}
