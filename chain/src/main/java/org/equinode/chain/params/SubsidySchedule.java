package org.equinode.chain.params;

import org.equinode.chain.Amount;
import org.equinode.chain.ChainException;

/**
 * What a coinbase may claim besides fees: {@code initial} at height 0, halved (a right shift of its
 * base units) every {@code halvingInterval} blocks, and zero after {@link #MAX_HALVINGS} halvings.
 * The constructor refuses a schedule whose total could reach {@link Amount#MAX_MONEY}.
 *
 * @param initial the subsidy of the first era, heights 0 to {@code halvingInterval - 1}
 * @param halvingInterval blocks per era
 */
public record SubsidySchedule(Amount initial, int halvingInterval) {
  /** From this many halvings on the subsidy is zero (a shift by 64 would wrap around in Java). */
  public static final int MAX_HALVINGS = 64;

  public SubsidySchedule {
    if (initial.isZero()) {
      throw new ChainException("the initial subsidy must be above zero");
    }
    if (halvingInterval < 1) {
      throw new ChainException("halving interval " + halvingInterval + " is below 1");
    }
    if (totalUnits(initial, halvingInterval) >= Amount.MAX_MONEY) {
      throw new ChainException(
          "subsidy "
              + initial
              + " halved every "
              + halvingInterval
              + " blocks would reach MAX_MONEY");
    }
  }

  /** The subsidy of the block at {@code height}. */
  public Amount at(int height) {
    if (height < 0) {
      throw new ChainException("negative height " + height);
    }
    int halvings = height / halvingInterval;
    if (halvings >= MAX_HALVINGS) {
      return Amount.ZERO;
    }
    return Amount.ofUnits(initial.units() >> halvings);
  }

  /**
   * Every subsidy that will ever be paid, from height 0 on: always below {@link Amount#MAX_MONEY}.
   */
  public Amount total() {
    return Amount.ofUnits(totalUnits(initial, halvingInterval));
  }

  private static long totalUnits(Amount initial, int halvingInterval) {
    // At most 64 eras of at most 2^31 blocks of at most MAX_MONEY (< 2^51) units: compare before
    // multiplying so that a long never overflows.
    long total = 0;
    for (int era = 0; era < MAX_HALVINGS; era++) {
      long perBlock = initial.units() >> era;
      if (perBlock != 0 && halvingInterval > (Amount.MAX_MONEY - total) / perBlock) {
        return Amount.MAX_MONEY;
      }
      total += perBlock * halvingInterval;
    }
    return total;
  }
}
