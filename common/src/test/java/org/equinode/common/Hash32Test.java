package org.equinode.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Hash32Test {
  private static final String HEX =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  @Test
  void parsesPrintsAndCompares() {
    Hash32 hash = Hash32.parse(HEX);
    assertThat(hash).hasToString(HEX).isEqualTo(Hash32.of(Hex.decode(HEX)));
    assertThat(hash.hashCode()).isEqualTo(Hash32.parse(HEX).hashCode());
    assertThat(hash.compareTo(Hash32.ZERO)).isPositive();
    assertThat(Hash32.parse("ff" + HEX.substring(2)).compareTo(hash)).isPositive();
    assertThat(hash.constantTimeEquals(Hash32.parse(HEX))).isTrue();
  }

  @Test
  void isImmutable() {
    byte[] bytes = Hex.decode(HEX);
    Hash32 hash = Hash32.of(bytes);
    bytes[0] = 9;
    hash.toByteArray()[1] = 9;
    assertThat(hash).hasToString(HEX);
  }

  @Test
  void rejectsWrongLength() {
    assertThatThrownBy(() -> Hash32.of(new byte[31])).hasMessageContaining("got 31");
    assertThatThrownBy(() -> Hash32.parse("00")).hasMessageContaining("64 hex digits");
  }

  @Test
  void readsAndWrites() {
    ByteWriter writer = ByteWriter.unbounded();
    Hash32.parse(HEX).write(writer);
    ByteReader reader = ByteReader.of(writer.toByteArray());
    assertThat(Hash32.read(reader)).isEqualTo(Hash32.parse(HEX));
    reader.expectEnd("a hash");
  }
}
