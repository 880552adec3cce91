package org.equinode.torrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class PieceSetTest {
  @Test
  void convertsToAndFromTheWireForEverySize() {
    RandomGenerator random = SeededRandom.of(7);
    for (int size = 0; size < 300; size++) {
      BitSet bits = new BitSet();
      for (int i = 0; i < size; i++) {
        bits.set(i, random.nextInt(3) == 0);
      }
      PieceSet set = PieceSet.of(bits, size);
      byte[] wire = set.toWire();
      assertThat(wire).hasSize((size + 7) / 8);
      for (int i = 0; i < size; i++) {
        boolean onWire = (wire[i / 8] & (0x80 >>> (i % 8))) != 0;
        assertThat(onWire).isEqualTo(bits.get(i));
        assertThat(set.contains(i)).isEqualTo(bits.get(i));
      }
      assertThat(PieceSet.decode(ByteBuffer.wrap(wire), size)).isEqualTo(set);
      assertThat(set.toBitSet()).isEqualTo(bits);
      assertThat(set.count()).isEqualTo(bits.cardinality());
    }
  }

  @Test
  void allNoneAndIteration() {
    PieceSet all = PieceSet.all(70);
    assertThat(all.isComplete()).isTrue();
    assertThat(all.count()).isEqualTo(70);
    assertThat(all.toWire()[8]).isEqualTo((byte) 0xfc); // pieces 64..69
    PieceSet none = PieceSet.none(70);
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.nextSet(0)).isEqualTo(-1);
    BitSet bits = new BitSet();
    bits.set(3);
    bits.set(64);
    bits.set(200); // beyond the size: dropped
    PieceSet some = PieceSet.of(bits, 70);
    assertThat(some.nextSet(0)).isEqualTo(3);
    assertThat(some.nextSet(4)).isEqualTo(64);
    assertThat(some.nextSet(65)).isEqualTo(-1);
    assertThat(some.nextSet(500)).isEqualTo(-1);
    assertThat(some.count()).isEqualTo(2);
    assertThat(PieceSet.all(0).isComplete()).isTrue();
  }

  @Test
  void refusesWrongLengthsAndSpareBits() {
    assertThatThrownBy(() -> PieceSet.decode(ByteBuffer.wrap(new byte[2]), 17))
        .isInstanceOf(PeerWireException.class)
        .hasMessage("bitfield of 2 bytes for 17 pieces, expected 3");
    assertThatThrownBy(() -> PieceSet.decode(ByteBuffer.wrap(new byte[] {0, 0, 0x40}), 17))
        .isInstanceOf(PeerWireException.class)
        .hasMessage("bitfield for 17 pieces has a spare bit set");
    assertThat(PieceSet.decode(ByteBuffer.wrap(new byte[] {0, 0, (byte) 0x80}), 17).contains(16))
        .isTrue();
    assertThatThrownBy(() -> PieceSet.none(PieceSet.MAX_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PieceSet.none(3).contains(3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void handlesTheLargestTorrent() {
    PieceSet all = PieceSet.all(PieceSet.MAX_SIZE);
    byte[] wire = all.toWire();
    assertThat(wire).hasSize(PieceSet.MAX_SIZE / 8);
    assertThat(PieceSet.decode(ByteBuffer.wrap(wire), PieceSet.MAX_SIZE)).isEqualTo(all);
  }

  @Test
  void mutatedBitfieldsDecodeToTheirOwnBytesOrFail() {
    RandomGenerator random = SeededRandom.of(0x5eedL);
    for (int i = 0; i < 3_000; i++) {
      int size = 1 + random.nextInt(200);
      BitSet bits = new BitSet();
      for (int p = 0; p < size; p++) {
        bits.set(p, random.nextBoolean());
      }
      byte[] mutated = Mutations.mutate(PieceSet.of(bits, size).toWire(), random);
      try {
        assertThat(PieceSet.decode(ByteBuffer.wrap(mutated), size).toWire()).isEqualTo(mutated);
      } catch (PeerWireException e) {
        assertThat(e.reason()).isEqualTo(CloseReason.MALFORMED_MESSAGE);
      }
    }
  }
}
