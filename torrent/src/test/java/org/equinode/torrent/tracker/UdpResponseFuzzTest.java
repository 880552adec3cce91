package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for {@link UdpResponse#decode}; regression inputs in {@code
 * UdpResponseFuzzTestInputs/decode}. The first byte picks the socket's family (even: IPv4, odd:
 * IPv6); the rest is the packet. Only a {@link MalformedTrackerResponseException} may escape, the
 * decoder stays within {@link AllocationBound}'s budget, and whatever decodes decodes again,
 * unchanged, from its own encoding. How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class UdpResponseFuzzTest {
  @FuzzTest
  void decode(byte[] input) {
    if (input.length == 0) {
      return;
    }
    UdpResponse.Family family = (input[0] & 1) == 0 ? UdpResponse.Family.V4 : UdpResponse.Family.V6;
    byte[] packet = Arrays.copyOfRange(input, 1, input.length);
    UdpResponse response;
    try {
      response = AllocationBound.check(packet, () -> UdpResponse.decode(packet, family));
    } catch (MalformedTrackerResponseException refused) {
      return;
    }
    assertThat(UdpResponse.decode(response.encode(), family)).isEqualTo(response);
  }
}
