package org.equinode.torrent.storage;

import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * An immutable set of piece indices out of {@link #size()} pieces: the pieces a node has, wants, or
 * recorded. {@link #toBitfield()} gives the BEP 3 form (piece 0 is the high bit of the first byte,
 * spare bits zero).
 */
public final class PieceSet {
  private final int size;
  private final BitSet bits;

  private PieceSet(int size, BitSet bits) {
    this.size = size;
    this.bits = bits;
  }

  /** No piece out of {@code size}. */
  public static PieceSet none(int size) {
    return of(size, new BitSet());
  }

  /** Every piece out of {@code size}. */
  public static PieceSet all(int size) {
    BitSet bits = new BitSet(size);
    bits.set(0, size);
    return of(size, bits);
  }

  /**
   * A copy of {@code bits} as a set out of {@code size} pieces.
   *
   * @throws IllegalArgumentException if a bit at or past {@code size} is set
   */
  public static PieceSet of(int size, BitSet bits) {
    if (size < 0) {
      throw new IllegalArgumentException("negative piece count " + size);
    }
    if (bits.length() > size) {
      throw new IllegalArgumentException(
          "piece " + (bits.length() - 1) + " is outside " + size + " pieces");
    }
    return new PieceSet(size, (BitSet) bits.clone());
  }

  /**
   * Reads a BEP 3 bitfield of exactly {@code ceil(size / 8)} bytes.
   *
   * @throws IllegalArgumentException if the length is wrong or a spare bit is set
   */
  public static PieceSet fromBitfield(byte[] bitfield, int size) {
    int expected = (int) ((size + 7L) / 8);
    if (size < 0 || bitfield.length != expected) {
      throw new IllegalArgumentException(
          "a bitfield of " + size + " pieces is " + expected + " bytes, got " + bitfield.length);
    }
    BitSet bits = new BitSet(size);
    for (int i = 0; i < bitfield.length; i++) {
      int b = bitfield[i] & 0xff;
      for (int j = 0; j < 8 && b != 0; j++) {
        if ((b & (0x80 >>> j)) != 0) {
          int piece = i * 8 + j;
          if (piece >= size) {
            throw new IllegalArgumentException(
                "spare bit " + piece + " set in a bitfield of " + size);
          }
          bits.set(piece);
        }
      }
    }
    return new PieceSet(size, bits);
  }

  /** The number of pieces this set is out of. */
  public int size() {
    return size;
  }

  /** The number of pieces in the set. */
  public int count() {
    return bits.cardinality();
  }

  /** Whether no piece is in the set. */
  public boolean isEmpty() {
    return bits.isEmpty();
  }

  /** Whether every piece is in the set. */
  public boolean isFull() {
    return bits.cardinality() == size;
  }

  /** Whether {@code piece} is in the set. */
  public boolean contains(int piece) {
    if (piece < 0 || piece >= size) {
      throw new IndexOutOfBoundsException("piece " + piece + " of " + size);
    }
    return bits.get(piece);
  }

  /** The pieces in the set, in order. */
  public IntStream stream() {
    return bits.stream();
  }

  /** A mutable copy. */
  public BitSet toBitSet() {
    return (BitSet) bits.clone();
  }

  /** The BEP 3 bitfield: {@code ceil(size / 8)} bytes, piece 0 the high bit of byte 0. */
  public byte[] toBitfield() {
    byte[] out = new byte[(int) ((size + 7L) / 8)];
    for (int piece = bits.nextSetBit(0); piece >= 0; piece = bits.nextSetBit(piece + 1)) {
      out[piece >>> 3] |= (byte) (0x80 >>> (piece & 7));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PieceSet other && size == other.size && bits.equals(other.bits);
  }

  @Override
  public int hashCode() {
    return 31 * size + bits.hashCode();
  }

  @Override
  public String toString() {
    return count() + "/" + size + " pieces";
  }
}
