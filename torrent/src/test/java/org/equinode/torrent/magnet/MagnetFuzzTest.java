package org.equinode.torrent.magnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for magnet links; regression inputs in {@code MagnetFuzzTestInputs/parse}. Only an
 * {@link InvalidMagnetException} may escape, the parser stays within {@link AllocationBound}'s
 * budget, and a parsed link must survive its own round trip (percent-encoding and parameter order
 * are not canonical). How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class MagnetFuzzTest {
  @FuzzTest
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    MagnetLink link;
    try {
      link = AllocationBound.check(input, () -> MagnetLink.parse(text));
    } catch (InvalidMagnetException e) {
      return;
    }
    assertThat(MagnetLink.parse(link.toUri())).isEqualTo(link);
  }
}
