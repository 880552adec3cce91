package org.equinode.torrent.peer.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Optional;
import org.equinode.testing.AllocationBound;
import org.equinode.torrent.peer.PeerMessage.Extended;
import org.equinode.torrent.peer.PeerWireException;

/**
 * Jazzer harness for the extension decoders; regression inputs in {@code
 * ExtensionFuzzTestInputs/decode}. The first byte is the extended id (0 handshake, 1 ut_pex, 2
 * ut_metadata, others ignored), the rest the payload. Only a {@link PeerWireException} may escape,
 * the decoder stays within {@link AllocationBound}'s budget, and what decodes must decode again to
 * itself from its own encoding. How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class ExtensionFuzzTest {
  @FuzzTest
  void decode(byte[] input) {
    if (input.length == 0) {
      return;
    }
    ExtensionCodec codec = ExtensionCodec.initial();
    Extended message = new Extended(input[0] & 0xff, Arrays.copyOfRange(input, 1, input.length));
    Optional<ExtensionMessage> decoded;
    try {
      decoded = AllocationBound.check(input, () -> codec.decode(message));
    } catch (PeerWireException e) {
      return;
    }
    decoded.ifPresent(
        m -> {
          Extended again = new Extended(message.extendedId(), m.encode());
          assertThat(codec.decode(again)).contains(m);
        });
  }
}
