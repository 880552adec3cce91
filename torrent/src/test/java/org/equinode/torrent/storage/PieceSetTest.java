package org.equinode.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class PieceSetTest {
  @Test
  void writesBep3Bitfields() {
    BitSet bits = new BitSet();
    bits.set(0);
    bits.set(9);
    bits.set(10);
    PieceSet set = PieceSet.of(11, bits);
    assertThat(Hex.encode(set.toBitfield())).isEqualTo("8060");
    assertThat(PieceSet.fromBitfield(Hex.decode("8060"), 11)).isEqualTo(set);
    assertThat(set.count()).isEqualTo(3);
    assertThat(set.contains(9)).isTrue();
    assertThat(set.contains(8)).isFalse();
    assertThat(PieceSet.all(11).toBitfield()).isEqualTo(Hex.decode("ffe0"));
    assertThat(PieceSet.all(11).isFull()).isTrue();
    assertThat(PieceSet.none(11).isEmpty()).isTrue();
  }

  @Test
  void refusesBadBitfields() {
    assertThatThrownBy(() -> PieceSet.fromBitfield(Hex.decode("8010"), 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spare bit 11 set in a bitfield of 11");
    assertThatThrownBy(() -> PieceSet.fromBitfield(Hex.decode("80"), 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a bitfield of 11 pieces is 2 bytes, got 1");
    BitSet tooFar = new BitSet();
    tooFar.set(11);
    assertThatThrownBy(() -> PieceSet.of(11, tooFar)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PieceSet.none(11).contains(11))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void roundTripsRandomSets() {
    RandomGenerator random = SeededRandom.of(3);
    for (int i = 0; i < 500; i++) {
      int size = random.nextInt(0, 100);
      BitSet bits = new BitSet();
      for (int p = 0; p < size; p++) {
        if (random.nextBoolean()) {
          bits.set(p);
        }
      }
      PieceSet set = PieceSet.of(size, bits);
      assertThat(PieceSet.fromBitfield(set.toBitfield(), size)).isEqualTo(set);
      assertThat(set.toBitSet()).isEqualTo(bits);
    }
  }
}
