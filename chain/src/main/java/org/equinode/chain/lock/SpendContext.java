package org.equinode.chain.lock;

import org.equinode.common.Hash32;

/**
 * What a lock is checked against when an input spends it (definitions in {@code chain/README.md}).
 *
 * @param sigHash the input's signature hash: what every signature in its witness signs
 * @param blockHeight the height of the block that includes the spending transaction (for the
 *     mempool: the tip's height plus one)
 * @param txLockTime the spending transaction's lock time, a block height
 * @param inputAge the spent output's age: {@code blockHeight} minus the height of the block that
 *     created the output
 */
public record SpendContext(Hash32 sigHash, int blockHeight, int txLockTime, int inputAge) {
  public SpendContext {
    if (blockHeight < 0 || txLockTime < 0 || inputAge < 0) {
      throw new LockException(
          "negative height in spend context: block height "
              + blockHeight
              + ", lock time "
              + txLockTime
              + ", input age "
              + inputAge);
    }
  }
}
