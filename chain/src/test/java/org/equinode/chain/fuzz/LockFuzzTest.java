package org.equinode.chain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.LockCodec;
import org.equinode.common.DecodeException;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for {@link LockCodec#decode}; regression inputs in {@code
 * LockFuzzTestInputs/decode}. Only a {@link DecodeException} may escape, the decoder stays within
 * {@link AllocationBound}'s budget, and whatever decodes re-encodes to exactly the input (the
 * encoding is canonical) within {@link Lock#MAX_ENCODED_SIZE}. How the build fuzzes it: {@code
 * docs/fuzzing.md}.
 */
class LockFuzzTest {
  @FuzzTest
  void decode(byte[] input) {
    Lock lock;
    try {
      lock = AllocationBound.check(input, () -> LockCodec.decode(input));
    } catch (DecodeException refused) {
      return;
    }
    assertThat(LockCodec.encode(lock)).isEqualTo(input);
    assertThat(input.length).isLessThanOrEqualTo(Lock.MAX_ENCODED_SIZE);
  }
}
