package org.equinode.torrent.bencode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer harness for the decoder. In a normal build it runs in regression mode over the inputs in
 * {@code BencodeFuzzTestInputs/decode}; with {@code JAZZER_FUZZ=1} it fuzzes. Only a {@link
 * BencodeException} may escape, and whatever decodes must re-encode to the same bytes.
 */
class BencodeFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void decode(byte[] input) {
    BValue value;
    try {
      value = Bencode.decode(input);
    } catch (BencodeException e) {
      assertThat(e.offset()).isBetween(0, input.length);
      return;
    }
    assertThat(Bencode.encode(value)).isEqualTo(input);
  }
}
