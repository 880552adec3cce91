package org.equinode.chain.consensus;

import java.math.BigInteger;
import org.equinode.chain.BlockHash;

/**
 * A header that passed every header rule against its parent.
 *
 * @param hash its hash
 * @param height its height
 * @param work the expected hashes its target took, to add to the parent's cumulative work
 */
public record CheckedHeader(BlockHash hash, int height, BigInteger work) {}
