/**
 * Blocks: the 120-byte header, the block with its transactions, the merkle trees over txids and
 * wtxids, and the compact proof-of-work target with its work.
 */
@NullMarked
package org.equinode.chain.block;

import org.jspecify.annotations.NullMarked;
