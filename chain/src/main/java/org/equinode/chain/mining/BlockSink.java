package org.equinode.chain.mining;

import org.equinode.chain.block.Block;

/**
 * Where {@link CpuMiner#mineBlocks} sends each block it solves: the node's chain state. It must
 * connect the block (and so tell the mempool) before returning, so that the next template builds on
 * it, and throw if the chain refuses it.
 */
@FunctionalInterface
public interface BlockSink {
  void submit(Block block);
}
