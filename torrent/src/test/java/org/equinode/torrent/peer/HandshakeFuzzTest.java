package org.equinode.torrent.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for the BEP 3 handshake ({@link Handshake#decode}); regression inputs in {@code
 * HandshakeFuzzTestInputs/decode}. Only a {@link PeerWireException} may escape, the decoder stays
 * within {@link AllocationBound}'s budget, and a decoded handshake re-encodes to exactly the input
 * (68 fixed bytes: the encoding is canonical). How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class HandshakeFuzzTest {
  @FuzzTest
  void decode(byte[] input) {
    Handshake handshake;
    try {
      handshake = AllocationBound.check(input, () -> Handshake.decode(input));
    } catch (PeerWireException refused) {
      return;
    }
    assertThat(handshake.encode()).isEqualTo(input);
  }
}
