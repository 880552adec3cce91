package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class PieceSetTest {
  @Test
  void holdsWhatItWasGiven() {
    PieceSet set = PieceSet.of(10, 0, 4, 7);
    assertThat(set.size()).isEqualTo(10);
    assertThat(set.count()).isEqualTo(3);
    assertThat(set.contains(4)).isTrue();
    assertThat(set.contains(5)).isFalse();
    assertThat(set.stream().toArray()).containsExactly(0, 4, 7);
    assertThat(set.nextPiece(5)).isEqualTo(7);
    assertThat(set.nextPiece(8)).isEqualTo(-1);
    assertThat(set).hasToString("PieceSet[3 of 10: 0, 4, 7]");
    assertThat(set.with(5).without(0)).isEqualTo(PieceSet.of(10, 4, 5, 7));
    assertThat(set).isEqualTo(PieceSet.of(10, 7, 4, 0)).isNotEqualTo(PieceSet.of(11, 0, 4, 7));
  }

  @Test
  void allAndNone() {
    assertThat(PieceSet.all(9).isFull()).isTrue();
    assertThat(PieceSet.all(9).count()).isEqualTo(9);
    assertThat(PieceSet.none(9).isEmpty()).isTrue();
    assertThat(PieceSet.of(3, 0, 1, 2)).isEqualTo(PieceSet.all(3));
  }

  @Test
  void readsAndWritesBitfieldsHighBitFirst() {
    PieceSet set = PieceSet.fromBitfield(new byte[] {(byte) 0b1000_0001, (byte) 0b0100_0000}, 10);
    assertThat(set.stream().toArray()).containsExactly(0, 7, 9);
    assertThat(set.toBitfield()).containsExactly((byte) 0b1000_0001, (byte) 0b0100_0000);
    assertThat(PieceSet.all(10).toBitfield()).containsExactly((byte) 0xff, (byte) 0b1100_0000);
  }

  @Test
  void bitfieldsRoundTrip() {
    RandomGenerator random = SeededRandom.of(7);
    for (int round = 0; round < 200; round++) {
      int size = 1 + random.nextInt(300);
      BitSet bits = new BitSet();
      for (int i = 0; i < size; i++) {
        if (random.nextBoolean()) {
          bits.set(i);
        }
      }
      PieceSet set = PieceSet.of(size, bits);
      assertThat(PieceSet.fromBitfield(set.toBitfield(), size)).isEqualTo(set);
      assertThat(set.toBitSet()).isEqualTo(bits);
    }
  }

  @Test
  void refusesBadBitfields() {
    assertThatThrownBy(() -> PieceSet.fromBitfield(new byte[1], 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a bitfield of 10 pieces is 2 bytes, got 1");
    assertThatThrownBy(() -> PieceSet.fromBitfield(new byte[] {0, 0b0010_0000}, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spare bit 10 set in a bitfield");
  }

  @Test
  void refusesOutOfRange() {
    assertThatThrownBy(() -> PieceSet.of(4, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece 4 is outside 0..3");
    assertThatThrownBy(() -> PieceSet.none(4).contains(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece -1 is outside 0..3");
    assertThatThrownBy(() -> PieceSet.none(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece count 0 is outside 1.." + PieceSet.MAX_SIZE);
    assertThatThrownBy(() -> PieceSet.none(PieceSet.MAX_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
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
    assertThat(set).isEqualTo(PieceSet.of(4, 1));
  }
}
