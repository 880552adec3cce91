package org.equinode.torrent.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for the message reader and every BEP 3 / BEP 6 message decoder behind it;
 * regression inputs in {@code MessageReaderFuzzTestInputs/read}. The first byte picks the decoder
 * (piece count known or not, fast extension or not), the rest is the stream. Only a {@link
 * PeerWireException} or the end of the stream may stop the reader, reading stays within {@link
 * AllocationBound}'s budget, and the messages read must re-encode to the bytes they came from. How
 * the build fuzzes it: {@code docs/fuzzing.md}.
 */
class MessageReaderFuzzTest {
  @FuzzTest
  void read(byte[] input) {
    if (input.length == 0) {
      return;
    }
    MessageDecoder decoder = MessageDecoder.initial().withFastExtension((input[0] & 1) != 0);
    if ((input[0] & 2) != 0) {
      decoder = decoder.withPieceCount(1 + ((input[0] & 0xff) >>> 2));
    }
    byte[] stream = Arrays.copyOfRange(input, 1, input.length);
    MessageDecoder chosen = decoder;
    List<PeerMessage> messages = AllocationBound.check(stream, () -> readAll(stream, chosen));
    byte[] again = Samples.encodeAll(messages);
    assertThat(again).isEqualTo(Arrays.copyOf(stream, again.length));
  }

  private static List<PeerMessage> readAll(byte[] stream, MessageDecoder decoder) {
    MessageReader reader = new MessageReader(new ByteArrayInputStream(stream), decoder);
    List<PeerMessage> messages = new ArrayList<>();
    try {
      while (true) {
        messages.add(reader.read());
      }
    } catch (EOFException | PeerWireException streamEnds) {
      return messages; // the two ways a stream may end
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
