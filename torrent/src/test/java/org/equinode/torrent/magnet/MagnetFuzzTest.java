package org.equinode.torrent.magnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer harness for magnet links; regression inputs in {@code MagnetFuzzTestInputs/parse}. Only an
 * {@link InvalidMagnetException} may escape, and a parsed link must survive its own round trip.
 */
class MagnetFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    MagnetLink link;
    try {
      link = MagnetLink.parse(text);
    } catch (InvalidMagnetException e) {
      return;
    }
    assertThat(MagnetLink.parse(link.toUri())).isEqualTo(link);
  }
}
