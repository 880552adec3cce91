package org.equinode.chain.state;

import java.math.BigInteger;
import org.equinode.chain.BlockHash;

/**
 * The tip of the active chain at one moment: an immutable snapshot.
 *
 * @param hash the tip's block hash
 * @param height its height (0 for the genesis block)
 * @param chainWork the cumulative work of the active chain
 * @param time the tip's header time
 * @param medianTimePast the median time of the last blocks ending with the tip (the next block's
 *     time must be above it)
 */
public record ChainTip(
    BlockHash hash, int height, BigInteger chainWork, long time, long medianTimePast) {}
