package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for {@link HttpTrackerCodec#decodeAnnounce}; regression inputs in {@code
 * HttpAnnounceFuzzTestInputs/decode}. Only the package's typed refusals may escape, the decoder
 * stays within {@link AllocationBound}'s budget, and whatever decodes decodes again, unchanged,
 * from its own encoding (bencode dictionaries may carry keys we drop, so the input itself need not
 * come back). How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class HttpAnnounceFuzzTest {
  @FuzzTest
  void decode(byte[] input) {
    AnnounceResponse response;
    try {
      response = AllocationBound.check(input, () -> HttpTrackerCodec.decodeAnnounce(input));
    } catch (MalformedTrackerResponseException | TrackerFailureException refused) {
      return;
    }
    assertThat(HttpTrackerCodec.decodeAnnounce(HttpTrackerCodec.encodeAnnounce(response)))
        .isEqualTo(response);
  }
}
