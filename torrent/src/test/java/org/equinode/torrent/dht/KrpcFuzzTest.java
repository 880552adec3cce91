package org.equinode.torrent.dht;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer harness for the KRPC decoder. In a normal build it runs in regression mode over the inputs
 * in {@code KrpcFuzzTestInputs/decode}; with {@code JAZZER_FUZZ=1} it fuzzes. Only a {@link
 * KrpcException} may escape, and whatever decodes must reach a fixed point when re-encoded.
 */
class KrpcFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void decode(byte[] input) {
    KrpcMessage message;
    try {
      message = KrpcMessage.decode(input);
    } catch (KrpcException e) {
      return;
    }
    assertThat(KrpcMessage.decode(message.encode())).isEqualTo(message);
  }
}
