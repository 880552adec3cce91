package org.equinode.chain.state;

import org.equinode.chain.ChainException;
import org.equinode.common.MalformedException;

/**
 * How far a block in the index has got. A block that fails validation, or descends from one that
 * did, is {@code failed} and is never connected; a block that was once connected is {@code
 * fullyValid} for good, even after a reorganisation disconnects it.
 *
 * @param headerValid the header passed every header rule in the context of its parent
 * @param dataStored the whole block is stored
 * @param fullyValid the block was connected: every rule, its transactions' included, passed
 * @param failed the block or one of its ancestors broke a rule
 */
public record BlockStatus(
    boolean headerValid, boolean dataStored, boolean fullyValid, boolean failed) {
  /** Bit 0 of the stored flag byte. */
  static final int HEADER_VALID = 1;

  /** Bit 1. */
  static final int DATA_STORED = 2;

  /** Bit 2. */
  static final int FULLY_VALID = 4;

  /** Bit 3. */
  static final int FAILED = 8;

  private static final int KNOWN = HEADER_VALID | DATA_STORED | FULLY_VALID | FAILED;

  /** A block whose header passed and which is stored, not yet connected. */
  public static final BlockStatus STORED = new BlockStatus(true, true, false, false);

  /** A block that was connected. */
  public static final BlockStatus VALID = new BlockStatus(true, true, true, false);

  public BlockStatus {
    if (fullyValid && (failed || !dataStored || !headerValid)) {
      throw new ChainException(
          "a fully valid block is stored, has a valid header and has not failed");
    }
  }

  /** The same status marked failed. */
  public BlockStatus asFailed() {
    return new BlockStatus(headerValid, dataStored, false, true);
  }

  /** The flag byte. */
  int bits() {
    return (headerValid ? HEADER_VALID : 0)
        | (dataStored ? DATA_STORED : 0)
        | (fullyValid ? FULLY_VALID : 0)
        | (failed ? FAILED : 0);
  }

  /** The status of a flag byte; unknown bits and impossible combinations are malformed. */
  static BlockStatus ofBits(int bits) {
    if ((bits & ~KNOWN) != 0) {
      throw new MalformedException("unknown block status bits 0x" + Integer.toHexString(bits));
    }
    boolean fullyValid = (bits & FULLY_VALID) != 0;
    boolean failed = (bits & FAILED) != 0;
    boolean dataStored = (bits & DATA_STORED) != 0;
    boolean headerValid = (bits & HEADER_VALID) != 0;
    if (fullyValid && (failed || !dataStored || !headerValid)) {
      throw new MalformedException(
          "block status 0x" + Integer.toHexString(bits) + " is fully valid and incomplete");
    }
    return new BlockStatus(headerValid, dataStored, fullyValid, failed);
  }
}
