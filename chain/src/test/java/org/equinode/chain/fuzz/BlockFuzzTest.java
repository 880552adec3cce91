package org.equinode.chain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.equinode.chain.block.Block;
import org.equinode.common.DecodeException;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for {@link Block#decode}; regression inputs in {@code BlockFuzzTestInputs/decode}.
 * Only a {@link DecodeException} may escape, the decoder stays within {@link AllocationBound}'s
 * budget, and whatever decodes re-encodes to exactly the input (the encoding is canonical) within
 * the size and count limits. How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class BlockFuzzTest {
  @FuzzTest
  void decode(byte[] input) {
    Block block;
    try {
      block = AllocationBound.check(input, () -> Block.decode(input));
    } catch (DecodeException refused) {
      return;
    }
    assertThat(block.encode()).isEqualTo(input);
    assertThat(block.size()).isLessThanOrEqualTo(Block.MAX_BLOCK_SIZE);
    assertThat(block.txs()).hasSizeLessThanOrEqualTo(Block.MAX_BLOCK_TXS);
  }
}
