/**
 * Making blocks: {@link org.equinode.chain.mining.BlockAssembler} picks mempool transactions by fee
 * rate into a {@link org.equinode.chain.mining.BlockTemplate}, and {@link
 * org.equinode.chain.mining.CpuMiner} grinds its nonce (and its coinbase's extra nonce) on CPU
 * threads. Specified in {@code chain/README.md} ("Block templates and the CPU miner").
 */
@NullMarked
package org.equinode.chain.mining;

import org.jspecify.annotations.NullMarked;
