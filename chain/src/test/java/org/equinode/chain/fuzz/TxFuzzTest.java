package org.equinode.chain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxCodec;
import org.equinode.common.DecodeException;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for {@link TxCodec#decode}; regression inputs in {@code TxFuzzTestInputs/decode}.
 * Only a {@link DecodeException} may escape, the decoder stays within {@link AllocationBound}'s
 * budget, and whatever decodes re-encodes to exactly the input (the encoding is canonical) within
 * the size and count limits. How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class TxFuzzTest {
  @FuzzTest
  void decode(byte[] input) {
    Tx tx;
    try {
      tx = AllocationBound.check(input, () -> TxCodec.decode(input));
    } catch (DecodeException refused) {
      return;
    }
    assertThat(tx.encode()).isEqualTo(input);
    assertThat(tx.size()).isLessThanOrEqualTo(Tx.MAX_TX_SIZE);
    assertThat(tx.body().inputs()).hasSizeLessThanOrEqualTo(Tx.MAX_INPUTS);
    assertThat(tx.body().outputs()).hasSizeLessThanOrEqualTo(Tx.MAX_OUTPUTS);
  }
}
