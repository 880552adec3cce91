package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Jazzer harnesses for the tracker response parsers. In a normal build they run in regression mode
 * over {@code TrackerResponseFuzzTestInputs/<method>}; with {@code JAZZER_FUZZ=1} they fuzz. Only
 * the package's typed exceptions may escape, and whatever decodes must decode again, unchanged,
 * from its own encoding.
 */
class TrackerResponseFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void httpAnnounce(byte[] input) {
    AnnounceResponse response;
    try {
      response = HttpTrackerCodec.decodeAnnounce(input);
    } catch (MalformedTrackerResponseException | TrackerFailureException e) {
      return;
    }
    assertThat(HttpTrackerCodec.decodeAnnounce(HttpTrackerCodec.encodeAnnounce(response)))
        .isEqualTo(response);
  }

  @FuzzTest(maxDuration = "30s")
  void httpScrape(byte[] input) {
    ScrapeResponse response;
    try {
      response = HttpTrackerCodec.decodeScrape(input);
    } catch (MalformedTrackerResponseException | TrackerFailureException e) {
      return;
    }
    assertThat(HttpTrackerCodec.decodeScrape(HttpTrackerCodec.encodeScrape(response)))
        .isEqualTo(response);
  }

  /** The first byte picks the socket's family (even: IPv4, odd: IPv6); the rest is the packet. */
  @FuzzTest(maxDuration = "30s")
  void udpResponse(byte[] input) {
    if (input.length == 0) {
      return;
    }
    UdpResponse.Family family = (input[0] & 1) == 0 ? UdpResponse.Family.V4 : UdpResponse.Family.V6;
    byte[] packet = Arrays.copyOfRange(input, 1, input.length);
    UdpResponse response;
    try {
      response = UdpResponse.decode(packet, family);
    } catch (MalformedTrackerResponseException e) {
      return;
    }
    assertThat(UdpResponse.decode(response.encode(), family)).isEqualTo(response);
  }
}
