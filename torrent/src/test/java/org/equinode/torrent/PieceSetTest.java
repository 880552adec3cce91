package org.equinode.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class PieceSetTest {
  private static BitSet randomBits(int size, RandomGenerator random) {
    BitSet bits = new BitSet();
    for (int i = 0; i < size; i++) {
      bits.set(i, random.nextInt(3) == 0);
    }
    return bits;
  }

  private static PieceSet decode(byte[] bitfield, int size) {
    return PieceSet.decode(ByteBuffer.wrap(bitfield), size);
  }

  @Test
  void holdsWhatItWasGiven() {
    PieceSet set = PieceSet.of(10, 0, 4, 7);
    assertThat(set.size()).isEqualTo(10);
    assertThat(set.count()).isEqualTo(3);
    assertThat(set.contains(4)).isTrue();
    assertThat(set.contains(5)).isFalse();
    assertThat(set.stream().toArray()).containsExactly(0, 4, 7);
    assertThat(set).hasToString("PieceSet[3 of 10: 0, 4, 7]");
    assertThat(set.with(5).without(0)).isEqualTo(PieceSet.of(10, 4, 5, 7));
    assertThat(set).isEqualTo(PieceSet.of(10, 7, 4, 0)).isNotEqualTo(PieceSet.of(11, 0, 4, 7));
    assertThat(set).hasSameHashCodeAs(PieceSet.of(10, 7, 4, 0));
    assertThat(PieceSet.all(40).toString())
        .startsWith("PieceSet[40 of 40: 0, 1, 2,")
        .endsWith(", 14, 15, ...]");
  }

  @Test
  void allAndNone() {
    PieceSet all = PieceSet.all(70);
    assertThat(all.isFull()).isTrue();
    assertThat(all.count()).isEqualTo(70);
    assertThat(all.nextMissing(0)).isEqualTo(-1);
    assertThat(all.toBitfield()[8]).isEqualTo((byte) 0xfc); // pieces 64..69
    PieceSet none = PieceSet.none(70);
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.nextPiece(0)).isEqualTo(-1);
    assertThat(none.nextMissing(69)).isEqualTo(69);
    assertThat(PieceSet.of(3, 0, 1, 2)).isEqualTo(PieceSet.all(3));
    assertThat(PieceSet.all(1).isFull()).isTrue();
  }

  @Test
  void findsTheNextPieceAndTheNextMissingAcrossWords() {
    PieceSet some = PieceSet.of(130, 3, 64, 129);
    assertThat(some.nextPiece(0)).isEqualTo(3);
    assertThat(some.nextPiece(4)).isEqualTo(64);
    assertThat(some.nextPiece(65)).isEqualTo(129);
    assertThat(some.nextPiece(130)).isEqualTo(-1);
    assertThat(some.nextPiece(500)).isEqualTo(-1);
    PieceSet gaps = PieceSet.all(130).without(70).without(129);
    assertThat(gaps.nextMissing(0)).isEqualTo(70);
    assertThat(gaps.nextMissing(71)).isEqualTo(129);
    assertThat(PieceSet.all(130).without(70).nextMissing(71)).isEqualTo(-1);
    assertThatThrownBy(() -> some.nextPiece(-1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("piece -1 is outside 0..129");
  }

  @Test
  void nextPieceAndNextMissingAgreeWithBitSet() {
    RandomGenerator random = SeededRandom.of(11);
    for (int round = 0; round < 300; round++) {
      int size = 1 + random.nextInt(400);
      BitSet bits = randomBits(size, random);
      PieceSet set = PieceSet.of(size, bits);
      for (int from = 0; from <= size + 1; from++) {
        int clear = bits.nextClearBit(from);
        assertThat(set.nextPiece(from)).isEqualTo(bits.nextSetBit(from));
        assertThat(set.nextMissing(from)).isEqualTo(clear < size ? clear : -1);
      }
    }
  }

  @Test
  void writesBep3BitfieldsHighBitFirst() {
    PieceSet set = PieceSet.of(11, 0, 9, 10);
    assertThat(Hex.encode(set.toBitfield())).isEqualTo("8060");
    assertThat(decode(Hex.decode("8060"), 11)).isEqualTo(set);
    assertThat(PieceSet.all(11).toBitfield()).isEqualTo(Hex.decode("ffe0"));
    PieceSet read = decode(new byte[] {(byte) 0b1000_0001, (byte) 0b0100_0000}, 10);
    assertThat(read.stream().toArray()).containsExactly(0, 7, 9);
    assertThat(decode(new byte[] {0, 0, (byte) 0x80}, 17).contains(16)).isTrue();
    ByteBuffer out = ByteBuffer.allocate(1 + set.wireLength()).put((byte) 5);
    set.writeTo(out);
    assertThat(Hex.encode(out.array())).isEqualTo("058060");
  }

  @Test
  void roundTripsEverySizeThroughTheWireAndBitSet() {
    RandomGenerator random = SeededRandom.of(7);
    for (int size = 1; size < 300; size++) {
      BitSet bits = randomBits(size, random);
      PieceSet set = PieceSet.of(size, bits);
      byte[] wire = set.toBitfield();
      assertThat(wire).hasSize((size + 7) / 8).hasSize(PieceSet.wireLength(size));
      for (int i = 0; i < size; i++) {
        boolean onWire = (wire[i / 8] & (0x80 >>> (i % 8))) != 0;
        assertThat(onWire).isEqualTo(bits.get(i));
        assertThat(set.contains(i)).isEqualTo(bits.get(i));
      }
      assertThat(decode(wire, size)).isEqualTo(set);
      assertThat(set.toBitSet()).isEqualTo(bits);
      assertThat(set.count()).isEqualTo(bits.cardinality());
      assertThat(set.stream().toArray()).isEqualTo(bits.stream().toArray());
    }
  }

  @Test
  void decodesFromThePositionWithoutMovingTheBuffer() {
    ByteBuffer in = ByteBuffer.wrap(Hex.decode("058060")).position(1);
    assertThat(PieceSet.decode(in, 11)).isEqualTo(PieceSet.of(11, 0, 9, 10));
    assertThat(in.position()).isEqualTo(1);
  }

  @Test
  void refusesBitfieldsOfTheWrongLength() {
    assertThatThrownBy(() -> decode(Hex.decode("80"), 11))
        .isInstanceOf(InvalidBitfieldException.class)
        .hasMessage("a bitfield of 11 pieces is 2 bytes, got 1");
    assertThatThrownBy(() -> decode(new byte[3], 16))
        .isInstanceOf(InvalidBitfieldException.class)
        .hasMessage("a bitfield of 16 pieces is 2 bytes, got 3");
  }

  @Test
  void refusesSpareBits() {
    assertThatThrownBy(() -> decode(Hex.decode("8010"), 11))
        .isInstanceOf(InvalidBitfieldException.class)
        .hasMessage("spare bit 11 set in a bitfield of 11 pieces");
    assertThatThrownBy(() -> decode(new byte[] {0, 0, 0x40}, 17))
        .isInstanceOf(InvalidBitfieldException.class)
        .hasMessage("spare bit 17 set in a bitfield of 17 pieces");
    for (int spare = 10; spare < 16; spare++) {
      byte[] wire = new byte[2];
      wire[1] = (byte) (0x80 >>> (spare - 8));
      int bit = spare;
      assertThatThrownBy(() -> decode(wire, 10))
          .hasMessage("spare bit " + bit + " set in a bitfield of 10 pieces");
    }
  }

  @Test
  void fitsAnEarlyBitfieldToThePieceCount() {
    PieceSet early = decode(Hex.decode("ffc0"), 16);
    assertThat(early.fitTo(10)).isEqualTo(PieceSet.all(10));
    assertThat(early.fitTo(16)).isEqualTo(early);
    assertThatThrownBy(() -> early.fitTo(9))
        .isInstanceOf(InvalidBitfieldException.class)
        .hasMessage("spare bit 9 set in a bitfield of 9 pieces");
    assertThatThrownBy(() -> early.fitTo(17))
        .isInstanceOf(InvalidBitfieldException.class)
        .hasMessage("a bitfield of 17 pieces is 3 bytes, got 2");
  }

  @Test
  void refusesSizesAndPiecesOutOfRange() {
    assertThatThrownBy(() -> PieceSet.none(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece count 0 is outside 1..2097152");
    assertThatThrownBy(() -> PieceSet.all(PieceSet.MAX_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece count 2097153 is outside 1..2097152");
    assertThatThrownBy(() -> decode(new byte[0], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece count 0 is outside 1..2097152");
    assertThatThrownBy(() -> PieceSet.of(4, 4))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("piece 4 is outside 0..3");
    assertThatThrownBy(() -> PieceSet.none(4).contains(-1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("piece -1 is outside 0..3");
    assertThatThrownBy(() -> PieceSet.none(3).contains(3))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("piece 3 is outside 0..2");
    assertThatThrownBy(() -> PieceSet.none(3).with(3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> PieceSet.all(3).without(-1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    BitSet tooFar = new BitSet();
    tooFar.set(5);
    assertThatThrownBy(() -> PieceSet.of(5, tooFar))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece 5 is outside 0..4");
  }

  @Test
  void isImmutable() {
    BitSet bits = new BitSet();
    bits.set(1);
    PieceSet set = PieceSet.of(4, bits);
    bits.set(2);
    set.toBitSet().set(3);
    set.toBitfield()[0] = -1;
    PieceSet unused = set.with(0);
    assertThat(unused).isNotEqualTo(set);
    assertThat(set).isEqualTo(PieceSet.of(4, 1));
  }

  @Test
  void handlesTheLargestTorrent() {
    PieceSet all = PieceSet.all(PieceSet.MAX_SIZE);
    byte[] wire = all.toBitfield();
    assertThat(wire).hasSize(PieceSet.MAX_SIZE / 8);
    assertThat(decode(wire, PieceSet.MAX_SIZE)).isEqualTo(all);
    assertThat(all.without(PieceSet.MAX_SIZE - 1).nextMissing(0)).isEqualTo(PieceSet.MAX_SIZE - 1);
  }

  @Test
  void mutatedBitfieldsDecodeToTheirOwnBytesOrFail() {
    RandomGenerator random = SeededRandom.of(0x5eedL);
    for (int i = 0; i < 3_000; i++) {
      int size = 1 + random.nextInt(200);
      byte[] mutated =
          Mutations.mutate(PieceSet.of(size, randomBits(size, random)).toBitfield(), random);
      try {
        assertThat(decode(mutated, size).toBitfield()).isEqualTo(mutated);
      } catch (InvalidBitfieldException e) {
        assertThat(e.getMessage()).containsAnyOf("spare bit", "bytes, got");
      }
    }
  }
}
