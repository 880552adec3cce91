package org.equinode.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class PeerIdTest {
  @Test
  void oursHaveTheClientPrefixAndPrintableCharacters() {
    PeerId ours = PeerId.random(SeededRandom.of(1));
    assertThat(new String(ours.toByteArray(), 0, 8, StandardCharsets.US_ASCII))
        .isEqualTo(PeerId.CLIENT_PREFIX);
    assertThat(ours.toString()).startsWith("-EQ0010-").hasSize(20).matches("[-A-Za-z0-9]+");
    assertThat(PeerId.random(SeededRandom.of(1))).isEqualTo(ours);
    assertThat(PeerId.random(SeededRandom.of(2))).isNotEqualTo(ours);
  }

  @Test
  void anyTwentyBytesAreAPeerIdAndPrintSafely() {
    byte[] binary = new byte[20];
    binary[0] = '%';
    binary[1] = (byte) 0xff;
    PeerId id = PeerId.of(binary);
    assertThat(id.toString()).startsWith("%25%ff%00");
    assertThat(id.toByteArray()).isEqualTo(binary);
    assertThat(id).isEqualTo(PeerId.of(binary.clone())).hasSameHashCodeAs(PeerId.of(binary));
  }

  @Test
  void copiesInAndOut() {
    byte[] bytes = "-EQ0010-abcdefghijkl".getBytes(StandardCharsets.US_ASCII);
    PeerId id = PeerId.of(bytes);
    bytes[0] = 'x';
    id.toByteArray()[1] = 'x';
    assertThat(id).hasToString("-EQ0010-abcdefghijkl");
  }

  @Test
  void refusesAnyOtherLength() {
    assertThatThrownBy(() -> PeerId.of(new byte[19]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a peer id is 20 bytes, got 19");
    assertThatThrownBy(() -> PeerId.of(new byte[21]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a peer id is 20 bytes, got 21");
  }
}
