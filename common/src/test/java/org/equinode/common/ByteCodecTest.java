package org.equinode.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteCodecTest {
  @Test
  void fixedWidthIntegersRoundTripInBothByteOrders() {
    byte[] bytes =
        ByteWriter.unbounded()
            .writeU8(0xfe)
            .writeBoolean(true)
            .writeU16BE(0x1234)
            .writeU16LE(0x1234)
            .writeInt32BE(0xdeadbeef)
            .writeInt32LE(0xdeadbeef)
            .writeInt64BE(0x0102030405060708L)
            .writeInt64LE(-2L)
            .toByteArray();
    assertThat(Hex.encode(bytes))
        .isEqualTo(
            "fe01"
                + "1234"
                + "3412"
                + "deadbeef"
                + "efbeadde"
                + "0102030405060708"
                + "feffffffffffffff");
    ByteReader reader = ByteReader.of(bytes);
    assertThat(reader.readU8()).isEqualTo(0xfe);
    assertThat(reader.readBoolean()).isTrue();
    assertThat(reader.readU16BE()).isEqualTo(0x1234);
    assertThat(reader.readU16LE()).isEqualTo(0x1234);
    assertThat(reader.readU32BE()).isEqualTo(0xdeadbeefL);
    assertThat(reader.readInt32LE()).isEqualTo(0xdeadbeef);
    assertThat(reader.readInt64BE()).isEqualTo(0x0102030405060708L);
    assertThat(reader.readInt64LE()).isEqualTo(-2L);
    reader.expectEnd("the test record");
  }

  @Test
  void compactSizeUsesTheShortestFormAtEveryBoundary() {
    long[] values = {
      0, 1, 0xfc, 0xfd, 0xffff, 0x1_0000, 0xffff_ffffL, 0x1_0000_0000L, Long.MAX_VALUE
    };
    int[] lengths = {1, 1, 1, 3, 3, 5, 5, 9, 9};
    for (int i = 0; i < values.length; i++) {
      byte[] bytes = ByteWriter.unbounded().writeCompactSize(values[i]).toByteArray();
      assertThat(bytes).hasSize(lengths[i]);
      ByteReader reader = ByteReader.of(bytes);
      assertThat(reader.readCompactSize()).isEqualTo(values[i]);
      reader.expectEnd("a CompactSize");
    }
  }

  @Test
  void nonMinimalCompactSizeIsMalformed() {
    for (String hex : new String[] {"fdfc00", "feffff0000", "ffffffffff00000000"}) {
      assertThatThrownBy(() -> ByteReader.of(Hex.decode(hex)).readCompactSize())
          .isInstanceOf(MalformedException.class)
          .hasMessageContaining("non-minimal");
    }
    assertThatThrownBy(() -> ByteReader.of(Hex.decode("ffffffffffffffffff")).readCompactSize())
        .isInstanceOf(MalformedException.class);
  }

  @Test
  void countsAreCheckedAgainstTheirMaximumBeforeAllocating() {
    byte[] bytes = ByteWriter.unbounded().writeCompactSize(1_000_000).toByteArray();
    assertThatThrownBy(() -> ByteReader.of(bytes).readVarBytes(1000, "payload"))
        .isInstanceOf(MalformedException.class)
        .hasMessage("payload length count 1000000 exceeds the maximum 1000");
  }

  @Test
  void runningOutIsTruncatedAndLeftoversAreMalformed() {
    assertThatThrownBy(() -> ByteReader.of(new byte[3]).readInt32BE())
        .isInstanceOf(TruncatedException.class)
        .hasMessageContaining("need 4 bytes");
    ByteReader reader = ByteReader.of(new byte[2]);
    reader.readU8();
    assertThatThrownBy(() -> reader.expectEnd("a header"))
        .isInstanceOf(MalformedException.class)
        .hasMessage("1 trailing bytes after a header");
    assertThatThrownBy(() -> ByteReader.of(new byte[] {2}).readBoolean())
        .isInstanceOf(MalformedException.class);
  }

  @Test
  void readerRespectsItsRange() {
    byte[] bytes = {1, 2, 3, 4, 5};
    ByteReader reader = ByteReader.of(bytes, 1, 3);
    assertThat(reader.readBytes(3)).containsExactly(2, 3, 4);
    assertThat(reader.isExhausted()).isTrue();
    assertThatThrownBy(() -> ByteReader.of(bytes, 3, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void writerRefusesToGrowPastItsMaximum() {
    ByteWriter writer = ByteWriter.withMaxSize(4).writeInt32BE(1);
    assertThatThrownBy(() -> writer.writeU8(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maximum of 4 bytes");
    assertThatThrownBy(() -> ByteWriter.unbounded().writeU16BE(0x10000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A small record format decoded from random and mutated bytes: only DecodeException escapes. */
  @Test
  void mutatedInputYieldsOnlyDecodeExceptions() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      byte[] valid = sampleRecord(random);
      byte[] mutated = mutate(valid, random);
      try {
        byte[] reencoded = decodeAndReencode(mutated);
        assertThat(reencoded)
            .as("a decodable input re-encodes identically")
            .containsExactly(mutated);
      } catch (DecodeException expected) {
        // rejected cleanly
      }
    }
  }

  private static byte[] sampleRecord(Random random) {
    byte[] payload = new byte[random.nextInt(300)];
    random.nextBytes(payload);
    return ByteWriter.unbounded()
        .writeU8(random.nextInt(256))
        .writeCompactSize(random.nextLong(1L << 40))
        .writeVarBytes(payload)
        .writeBoolean(random.nextBoolean())
        .toByteArray();
  }

  private static byte[] decodeAndReencode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    int kind = reader.readU8();
    long number = reader.readCompactSize();
    byte[] payload = reader.readVarBytes(1024, "payload");
    boolean flag = reader.readBoolean();
    reader.expectEnd("the record");
    return ByteWriter.unbounded()
        .writeU8(kind)
        .writeCompactSize(number)
        .writeVarBytes(payload)
        .writeBoolean(flag)
        .toByteArray();
  }

  private static byte[] mutate(byte[] bytes, Random random) {
    byte[] out = bytes.clone();
    switch (random.nextInt(3)) {
      case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length + 1));
      default -> {
        out = java.util.Arrays.copyOf(out, out.length + 1 + random.nextInt(4));
        out[out.length - 1] = (byte) random.nextInt(256);
      }
    }
    return out;
  }
}
