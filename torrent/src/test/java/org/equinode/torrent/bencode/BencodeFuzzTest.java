package org.equinode.torrent.bencode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for the decoder. In a normal build it runs in regression mode over the inputs in
 * {@code BencodeFuzzTestInputs/decode}; with {@code JAZZER_FUZZ=1} it fuzzes. Only a {@link
 * BencodeException} may escape, the decoder stays within {@link AllocationBound}'s budget, and
 * whatever decodes must re-encode to the same bytes (bencode here is canonical: sorted keys, no
 * leading zeros). How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class BencodeFuzzTest {
  @FuzzTest
  void decode(byte[] input) {
    BValue value;
    try {
      value = AllocationBound.check(input, () -> Bencode.decode(input));
    } catch (BencodeException e) {
      assertThat(e.offset()).isBetween(0, input.length);
      return;
    }
    assertThat(Bencode.encode(value)).isEqualTo(input);
  }
}
