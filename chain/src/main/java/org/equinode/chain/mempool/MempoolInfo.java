package org.equinode.chain.mempool;

import org.equinode.chain.Amount;

/**
 * The mempool's figures at one moment, for {@code getmempoolinfo}.
 *
 * @param size transactions
 * @param bytes the sum of their encoded sizes, which the cap limits
 * @param fees the sum of their fees
 * @param maxBytes the cap
 * @param minRelayFeeRate the configured floor
 * @param minimumFeeRate what a new transaction must pay now: the floor or the rolling minimum after
 *     evictions, whichever is higher
 * @param orphans transactions held in the orphan pool
 */
public record MempoolInfo(
    int size,
    long bytes,
    Amount fees,
    long maxBytes,
    FeeRate minRelayFeeRate,
    FeeRate minimumFeeRate,
    int orphans) {}
