package org.equinode.chain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.equinode.chain.block.Block;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.LockCodec;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxCodec;
import org.equinode.common.DecodeException;

/**
 * Jazzer harnesses for the ledger's decoders: transactions, blocks and locks. A normal build
 * replays the inputs in {@code ChainDecodersFuzzTestInputs/<method>}; to fuzz one, for instance
 * {@code JAZZER_FUZZ=1 ./mvnw -pl chain -am test -Dtest='ChainDecodersFuzzTest#tx'
 * -Djazzer.hooks=true}. Only a {@link DecodeException} may escape, and whatever decodes must
 * re-encode to exactly the input (the encodings are canonical).
 */
class ChainDecodersFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void tx(byte[] input) {
    Tx tx;
    try {
      tx = TxCodec.decode(input);
    } catch (DecodeException rejected) {
      return;
    }
    assertThat(tx.encode()).isEqualTo(input);
  }

  @FuzzTest(maxDuration = "30s")
  void block(byte[] input) {
    Block block;
    try {
      block = Block.decode(input);
    } catch (DecodeException rejected) {
      return;
    }
    assertThat(block.encode()).isEqualTo(input);
  }

  @FuzzTest(maxDuration = "30s")
  void lock(byte[] input) {
    Lock lock;
    try {
      lock = LockCodec.decode(input);
    } catch (DecodeException rejected) {
      return;
    }
    assertThat(LockCodec.encode(lock)).isEqualTo(input);
  }
}
