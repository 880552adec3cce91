package org.equinode.chain.consensus;

import java.util.List;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.BlockHeader;

/**
 * What checking a header against its chain needs to know about the parent, and the validating
 * node's clock. The ASERT anchor is the genesis block, so it comes from the chain's parameters.
 *
 * @param parentHash the parent's hash, which the header's {@code previous} must name
 * @param parentHeight the parent's height (0 for the genesis block)
 * @param parentTime the parent's time, from which ASERT computes the required target
 * @param medianTimePast the median of the last 11 block times, the parent's included ({@link
 *     MedianTimePast})
 * @param now the validating node's clock in seconds since the Unix epoch
 */
public record HeaderContext(
    BlockHash parentHash, int parentHeight, long parentTime, long medianTimePast, long now) {
  public HeaderContext {
    if (parentHeight < 0) {
      throw new ConsensusException("negative parent height " + parentHeight);
    }
  }

  /**
   * The context of a child of {@code parent}.
   *
   * @param recentTimes the times of the last blocks ending with the parent: {@code
   *     ChainParams.medianTimeSpan} of them, or all there are near the genesis block
   */
  public static HeaderContext of(
      BlockHeader parent, int parentHeight, List<Long> recentTimes, long now) {
    return new HeaderContext(
        parent.hash(), parentHeight, parent.time(), MedianTimePast.of(recentTimes), now);
  }

  /** The height of the header checked in this context. */
  public int height() {
    return parentHeight + 1;
  }
}
