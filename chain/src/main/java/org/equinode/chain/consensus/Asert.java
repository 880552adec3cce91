package org.equinode.chain.consensus;

import java.math.BigInteger;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.params.ChainParams;

/**
 * The difficulty algorithm aserti3-2d of Bitcoin Cash (spec {@code 2020-11-15-asert.md}), with
 * integer arithmetic only: every block's target follows from the anchor's target and how far the
 * parent's time is ahead of or behind an absolute schedule,
 *
 * <pre>next = anchorTarget × 2^((timeDelta − spacing × (heightDelta + 1)) / halfLife)</pre>
 *
 * where {@code timeDelta} is the parent's time minus the anchor's parent's time and {@code
 * heightDelta} the parent's height minus the anchor's. The power of two is a 16-bit fixed-point
 * exponent split into whole shifts and a cubic approximation of the fraction, exactly as the
 * specification; the result is clamped to 1 … the proof-of-work limit.
 *
 * <p>Equinode's anchor is the genesis block (height 0, its target), with the time of its imaginary
 * parent one spacing before it: the block at height 1 gets the genesis target, and the block at
 * height {@code h + 1} is on schedule when its parent's time is {@code genesisTime + h × spacing}.
 *
 * @param anchorBits the anchor block's target
 * @param anchorParentTime the time of the anchor's parent (or the value standing for it)
 * @param anchorHeight the anchor's height
 * @param targetSpacing the intended seconds between blocks
 * @param halfLife seconds ahead of schedule that halve the target
 * @param powLimit the easiest target allowed
 */
public record Asert(
    CompactTarget anchorBits,
    long anchorParentTime,
    long anchorHeight,
    long targetSpacing,
    long halfLife,
    CompactTarget powLimit) {
  private static final int RADIX_BITS = 16;
  private static final long RADIX = 1L << RADIX_BITS;
  private static final BigInteger BIG_RADIX = BigInteger.valueOf(RADIX);
  // The cubic 2^x ≈ 1 + x(c1 + x(c2 + x c3)) for 0 ≤ x < 1, in 2^-48 fixed point.
  private static final BigInteger C1 = BigInteger.valueOf(195_766_423_245_049L);
  private static final BigInteger C2 = BigInteger.valueOf(971_821_376L);
  private static final BigInteger C3 = BigInteger.valueOf(5_127L);
  private static final BigInteger HALF = BigInteger.ONE.shiftLeft(47);
  private static final int POLY_SHIFT = 48;
  // A target is below 2^256 and the factor below 2^17: shifting right by more than this leaves 0.
  private static final long SHIFTS_TO_ZERO = 256 + RADIX_BITS + 1;
  // A target is at least 1 and the factor at least 2^16: shifting left by 256 passes any limit.
  private static final long SHIFTS_PAST_LIMIT = 256;

  public Asert {
    if (targetSpacing < 1 || halfLife < 1) {
      throw new ConsensusException(
          "ASERT needs a positive spacing and half-life, got " + targetSpacing + ", " + halfLife);
    }
    if (anchorBits.target().compareTo(powLimit.target()) > 0) {
      throw new ConsensusException(
          "ASERT anchor target " + anchorBits + " is above the limit " + powLimit);
    }
  }

  /** The ASERT of {@code params}: anchored at the genesis block, as described above. */
  public static Asert of(ChainParams params) {
    return new Asert(
        params.genesis().header().bits(),
        params.genesisTime() - params.targetSpacing(),
        0,
        params.targetSpacing(),
        params.asertHalfLife(),
        params.powLimit());
  }

  /**
   * The target required of the child of the block at {@code parentHeight} with {@code parentTime}.
   */
  public CompactTarget nextBits(long parentHeight, long parentTime) {
    if (parentHeight < anchorHeight) {
      throw new ConsensusException(
          "ASERT evaluated at height " + parentHeight + ", below the anchor " + anchorHeight);
    }
    return nextBits(
        anchorBits,
        BigInteger.valueOf(parentTime).subtract(BigInteger.valueOf(anchorParentTime)),
        parentHeight - anchorHeight,
        targetSpacing,
        halfLife,
        powLimit);
  }

  /**
   * The specification's computation on deltas: {@code timeDelta} is the evaluation block's time
   * minus the anchor's parent's time (any sign), {@code heightDelta} the evaluation block's height
   * minus the anchor's (zero or more).
   */
  public static CompactTarget nextBits(
      CompactTarget anchorBits,
      BigInteger timeDelta,
      long heightDelta,
      long targetSpacing,
      long halfLife,
      CompactTarget powLimit) {
    BigInteger behind =
        timeDelta.subtract(
            BigInteger.valueOf(targetSpacing)
                .multiply(BigInteger.valueOf(heightDelta).add(BigInteger.ONE)));
    // BigInteger.divide truncates towards zero, as the specification requires.
    BigInteger exponent = behind.multiply(BIG_RADIX).divide(BigInteger.valueOf(halfLife));
    // shiftRight on a negative BigInteger rounds towards minus infinity: an arithmetic shift.
    BigInteger shifts = exponent.shiftRight(RADIX_BITS);
    BigInteger fraction = exponent.subtract(shifts.shiftLeft(RADIX_BITS));
    BigInteger factor =
        C1.multiply(fraction)
            .add(C2.multiply(fraction.pow(2)))
            .add(C3.multiply(fraction.pow(3)))
            .add(HALF)
            .shiftRight(POLY_SHIFT)
            .add(BIG_RADIX);
    BigInteger limit = powLimit.target();
    if (shifts.compareTo(BigInteger.valueOf(SHIFTS_PAST_LIMIT)) >= 0) {
      return powLimit;
    }
    if (shifts.compareTo(BigInteger.valueOf(-SHIFTS_TO_ZERO)) <= 0) {
      return CompactTarget.of(BigInteger.ONE);
    }
    BigInteger next = anchorBits.target().multiply(factor);
    int whole = shifts.intValueExact();
    next = whole < 0 ? next.shiftRight(-whole) : next.shiftLeft(whole);
    next = next.shiftRight(RADIX_BITS);
    if (next.signum() == 0) {
      return CompactTarget.of(BigInteger.ONE);
    }
    if (next.compareTo(limit) > 0) {
      return powLimit;
    }
    return CompactTarget.of(next);
  }
}
