package org.equinode.torrent.swarm;

import java.util.BitSet;
import java.util.StringJoiner;
import java.util.stream.IntStream;

/**
 * An immutable set of piece indices {@code 0..size-1}: what a peer has, what we have, what we want.
 * The peer wire's bitfield converts with {@link #fromBitfield} and {@link #toBitfield} (BEP 3 bit
 * order: the high bit of the first byte is piece 0).
 */
public final class PieceSet {
  /** The largest size, {@link PieceLayout#MAX_PIECES}. */
  public static final int MAX_SIZE = PieceLayout.MAX_PIECES;

  private static final int SHOWN_IN_TO_STRING = 16;

  private final int size;
  private final BitSet bits;

  private PieceSet(int size, BitSet bits) {
    this.size = size;
    this.bits = bits;
  }

  /** The empty set over {@code size} pieces. */
  public static PieceSet none(int size) {
    checkSize(size);
    return new PieceSet(size, new BitSet(size));
  }

  /** The set of all {@code size} pieces. */
  public static PieceSet all(int size) {
    checkSize(size);
    BitSet bits = new BitSet(size);
    bits.set(0, size);
    return new PieceSet(size, bits);
  }

  /** The set over {@code size} pieces that holds {@code pieces}. */
  public static PieceSet of(int size, int... pieces) {
    checkSize(size);
    BitSet bits = new BitSet(size);
    for (int piece : pieces) {
      checkIndex(piece, size);
      bits.set(piece);
    }
    return new PieceSet(size, bits);
  }

  /** A copy of {@code bits} as a set over {@code size} pieces; no bit may be at or past size. */
  public static PieceSet of(int size, BitSet bits) {
    checkSize(size);
    if (bits.length() > size) {
      throw new IllegalArgumentException(
          "piece " + (bits.length() - 1) + " is outside 0.." + (size - 1));
    }
    return new PieceSet(size, (BitSet) bits.clone());
  }

  /**
   * Reads a BEP 3 bitfield: exactly {@code ceil(size / 8)} bytes, the spare bits of the last byte
   * zero.
   */
  public static PieceSet fromBitfield(byte[] bitfield, int size) {
    checkSize(size);
    int expected = (size + 7) / 8;
    if (bitfield.length != expected) {
      throw new IllegalArgumentException(
          "a bitfield of " + size + " pieces is " + expected + " bytes, got " + bitfield.length);
    }
    BitSet bits = new BitSet(size);
    for (int i = 0; i < bitfield.length; i++) {
      int b = bitfield[i] & 0xff;
      for (int bit = 0; bit < 8 && b != 0; bit++) {
        if ((b & (0x80 >>> bit)) != 0) {
          int piece = i * 8 + bit;
          if (piece >= size) {
            throw new IllegalArgumentException("spare bit " + piece + " set in a bitfield");
          }
          bits.set(piece);
        }
      }
    }
    return new PieceSet(size, bits);
  }

  /** The BEP 3 bitfield: {@code ceil(size / 8)} bytes, high bit first, spare bits zero. */
  public byte[] toBitfield() {
    byte[] out = new byte[(size + 7) / 8];
    for (int piece = bits.nextSetBit(0); piece >= 0; piece = bits.nextSetBit(piece + 1)) {
      out[piece / 8] |= (byte) (0x80 >>> (piece % 8));
    }
    return out;
  }

  /** The number of pieces this set is over (not the number it holds). */
  public int size() {
    return size;
  }

  /** Whether the set holds {@code piece}. */
  public boolean contains(int piece) {
    checkIndex(piece, size);
    return bits.get(piece);
  }

  /** How many pieces the set holds. */
  public int count() {
    return bits.cardinality();
  }

  public boolean isEmpty() {
    return bits.isEmpty();
  }

  /** Whether the set holds every piece. */
  public boolean isFull() {
    return bits.cardinality() == size;
  }

  /** This set with {@code piece} added. */
  public PieceSet with(int piece) {
    checkIndex(piece, size);
    BitSet copy = (BitSet) bits.clone();
    copy.set(piece);
    return new PieceSet(size, copy);
  }

  /** This set with {@code piece} removed. */
  public PieceSet without(int piece) {
    checkIndex(piece, size);
    BitSet copy = (BitSet) bits.clone();
    copy.clear(piece);
    return new PieceSet(size, copy);
  }

  /** The pieces held, ascending. */
  public IntStream stream() {
    return bits.stream();
  }

  /** A mutable copy. */
  public BitSet toBitSet() {
    return (BitSet) bits.clone();
  }

  /** The smallest piece held at or after {@code from}, or -1. */
  public int nextPiece(int from) {
    return bits.nextSetBit(from);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PieceSet other && size == other.size && bits.equals(other.bits);
  }

  @Override
  public int hashCode() {
    return 31 * size + bits.hashCode();
  }

  /** {@code PieceSet[3 of 10: 0, 4, 7]}, at most the first 16 pieces listed. */
  @Override
  public String toString() {
    StringJoiner shown = new StringJoiner(", ");
    bits.stream().limit(SHOWN_IN_TO_STRING).forEach(piece -> shown.add(Integer.toString(piece)));
    String more = count() > SHOWN_IN_TO_STRING ? ", ..." : "";
    return "PieceSet[" + count() + " of " + size + ": " + shown + more + "]";
  }

  private static void checkSize(int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("piece count " + size + " is outside 1.." + MAX_SIZE);
    }
  }

  private static void checkIndex(int piece, int size) {
    if (piece < 0 || piece >= size) {
      throw new IllegalArgumentException("piece " + piece + " is outside 0.." + (size - 1));
    }
  }

  /** The backing bits, for this package to read without copying; never modified. */
  BitSet bits() {
    return bits;
  }
}
