package org.equinode.chain.consensus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The median of the times of the last blocks (11 on every network, {@code
 * ChainParams.medianTimeSpan}), the parent included: a block's time must be above it. Near the
 * genesis block, with fewer blocks, it is the median of those there are.
 */
public final class MedianTimePast {
  private MedianTimePast() {}

  /**
   * The median of {@code times}, in any order: the middle one once sorted, the later of the two
   * middle ones for an even count (as Bitcoin Core).
   *
   * @throws ConsensusException if {@code times} is empty
   */
  public static long of(List<Long> times) {
    if (times.isEmpty()) {
      throw new ConsensusException("the median time past needs at least one block time");
    }
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
