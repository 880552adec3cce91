package org.equinode.torrent;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.StringJoiner;
import java.util.stream.IntStream;

/**
 * An immutable set of piece indices {@code 0..size-1}: what a peer has (its bitfield), what we have
 * verified, what we want. The one piece set of the module: the peer wire, storage, swarm and
 * session all pass this type.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@code size} is {@code 1..}{@link #MAX_SIZE}. BEP 3 has no torrent without pieces, and a
 *       bitfield is exactly {@code ceil(size / 8)} bytes, so a bitfield that arrives before the
 *       metadata (a magnet download) is read over {@code 8 x bytes} pieces and a 0-byte one can fit
 *       no torrent: the peer wire refuses it when it arrives.
 *   <li>An index outside {@code 0..size-1} given to {@link #contains}, {@link #with}, {@link
 *       #without} or {@link #of(int, int...)} is a bug of the caller: {@link
 *       IndexOutOfBoundsException} ("piece 4 is outside 0..3"). Peer input is checked before it
 *       gets here.
 *   <li>Bytes from outside ({@link #decode}, {@link #fitTo}) that do not fit throw {@link
 *       InvalidBitfieldException}; the peer wire and the resume data turn it into their own error.
 * </ul>
 *
 * <p>Stored as 64-bit words with the count kept: {@link #contains} is one array read, {@link
 * #count} a field, {@link #nextPiece}/{@link #nextMissing} skip 64 pieces per step, and the wire
 * form converts a word at a time, so a 2-million-piece set takes 256 KiB and converts in a few
 * hundred microseconds. {@link #with}/{@link #without} copy the whole set: for a set that changes
 * with every {@code have}, take {@link #toBitSet()}.
 *
 * <p>On the wire (BEP 3) piece 0 is the high bit of the first byte; the bits after the last piece
 * ("spare bits") must be zero.
 */
public final class PieceSet {
  /** The most pieces a set may hold: as many as a torrent may have, 2^21. */
  public static final int MAX_SIZE = 1 << 21;

  private static final int SHOWN_IN_TO_STRING = 16;

  private final long[] words;
  private final int size;
  private final int count;

  private PieceSet(long[] words, int size) {
    this.words = words;
    this.size = size;
    int bits = 0;
    for (long word : words) {
      bits += Long.bitCount(word);
    }
    this.count = bits;
  }

  private static void checkSize(int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("piece count " + size + " is outside 1.." + MAX_SIZE);
    }
  }

  private void checkIndex(int piece) {
    if (piece < 0 || piece >= size) {
      throw outside(piece, size);
    }
  }

  private static IndexOutOfBoundsException outside(int piece, int size) {
    return new IndexOutOfBoundsException("piece " + piece + " is outside 0.." + (size - 1));
  }

  private static int wordCount(int size) {
    return (size + Long.SIZE - 1) / Long.SIZE;
  }

  /** The number of bytes a bitfield of {@code pieceCount} pieces takes on the wire. */
  public static int wireLength(int pieceCount) {
    return (pieceCount + Byte.SIZE - 1) / Byte.SIZE;
  }

  /** No piece out of {@code size}. */
  public static PieceSet none(int size) {
    checkSize(size);
    return new PieceSet(new long[wordCount(size)], size);
  }

  /** Every piece out of {@code size}. */
  public static PieceSet all(int size) {
    checkSize(size);
    long[] words = new long[wordCount(size)];
    Arrays.fill(words, -1L);
    int used = size % Long.SIZE;
    if (used != 0) {
      words[words.length - 1] = (1L << used) - 1;
    }
    return new PieceSet(words, size);
  }

  /** The set out of {@code size} pieces that holds {@code pieces}. */
  public static PieceSet of(int size, int... pieces) {
    checkSize(size);
    long[] words = new long[wordCount(size)];
    for (int piece : pieces) {
      if (piece < 0 || piece >= size) {
        throw outside(piece, size);
      }
      words[piece >>> 6] |= 1L << piece;
    }
    return new PieceSet(words, size);
  }

  /**
   * A copy of {@code bits} as a set out of {@code size} pieces.
   *
   * @throws IllegalArgumentException if a bit at or past {@code size} is set
   */
  public static PieceSet of(int size, BitSet bits) {
    checkSize(size);
    if (bits.length() > size) {
      throw new IllegalArgumentException(
          "piece " + (bits.length() - 1) + " is outside 0.." + (size - 1));
    }
    return new PieceSet(Arrays.copyOf(bits.toLongArray(), wordCount(size)), size);
  }

  /**
   * Reads a bitfield of {@code size} pieces from {@code bits}' position to its limit (the buffer is
   * not moved): exactly {@link #wireLength(int)} bytes, spare bits zero.
   *
   * @throws InvalidBitfieldException on a wrong length or a spare bit set
   */
  public static PieceSet decode(ByteBuffer bits, int size) {
    checkSize(size);
    if (bits.remaining() != wireLength(size)) {
      throw wrongLength(bits.remaining(), size);
    }
    long[] words = new long[wordCount(size)];
    ByteBuffer in = bits.duplicate();
    for (int w = 0; w < words.length; w++) {
      long big = 0;
      for (int b = 0; b < Long.BYTES; b++) {
        big = (big << Byte.SIZE) | (in.hasRemaining() ? in.get() & 0xff : 0);
      }
      words[w] = Long.reverse(big);
    }
    int used = size % Long.SIZE;
    if (used != 0) {
      long spare = words[words.length - 1] >>> used;
      if (spare != 0) {
        throw spareBit(size + Long.numberOfTrailingZeros(spare), size);
      }
    }
    return new PieceSet(words, size);
  }

  private static InvalidBitfieldException wrongLength(int bytes, int size) {
    return new InvalidBitfieldException(
        "a bitfield of " + size + " pieces is " + wireLength(size) + " bytes, got " + bytes);
  }

  private static InvalidBitfieldException spareBit(int bit, int size) {
    return new InvalidBitfieldException(
        "spare bit " + bit + " set in a bitfield of " + size + " pieces");
  }

  /**
   * This set cut to {@code pieceCount} pieces, for a bitfield that arrived before the piece count
   * was known (a magnet download, read over {@code 8 x bytes} pieces): its length must be {@link
   * #wireLength(int)} bytes for {@code pieceCount} and every bit from {@code pieceCount} on clear.
   *
   * @throws InvalidBitfieldException otherwise
   */
  public PieceSet fitTo(int pieceCount) {
    checkSize(pieceCount);
    if (wireLength(size) != wireLength(pieceCount)) {
      throw wrongLength(wireLength(size), pieceCount);
    }
    if (pieceCount < size) {
      int next = nextPiece(pieceCount);
      if (next >= 0) {
        throw spareBit(next, pieceCount);
      }
    }
    return new PieceSet(Arrays.copyOf(words, wordCount(pieceCount)), pieceCount);
  }

  /** The number of pieces the set is out of (held or not). */
  public int size() {
    return size;
  }

  /** The number of pieces in the set. */
  public int count() {
    return count;
  }

  /** Whether no piece is in the set. */
  public boolean isEmpty() {
    return count == 0;
  }

  /** Whether every piece is in the set. */
  public boolean isFull() {
    return count == size;
  }

  /** Whether {@code piece} is in the set. */
  public boolean contains(int piece) {
    checkIndex(piece);
    return (words[piece >>> 6] & (1L << piece)) != 0;
  }

  /** The smallest piece in the set at or after {@code from} ({@code >= 0}), or -1. */
  public int nextPiece(int from) {
    return next(from, 0L);
  }

  /** The smallest piece not in the set at or after {@code from} ({@code >= 0}), or -1. */
  public int nextMissing(int from) {
    return next(from, -1L);
  }

  /** The next index at or after {@code from} whose bit differs from {@code flip}'s. */
  private int next(int from, long flip) {
    if (from < 0) {
      throw outside(from, size);
    }
    int w = from >>> 6;
    if (w >= words.length) {
      return -1;
    }
    long word = (words[w] ^ flip) & (-1L << from);
    while (true) {
      if (word != 0) {
        int index = w * Long.SIZE + Long.numberOfTrailingZeros(word);
        return index < size ? index : -1;
      }
      if (++w == words.length) {
        return -1;
      }
      word = words[w] ^ flip;
    }
  }

  /** This set with {@code piece} added; a copy of the whole set. */
  public PieceSet with(int piece) {
    checkIndex(piece);
    long[] copy = words.clone();
    copy[piece >>> 6] |= 1L << piece;
    return new PieceSet(copy, size);
  }

  /** This set with {@code piece} removed; a copy of the whole set. */
  public PieceSet without(int piece) {
    checkIndex(piece);
    long[] copy = words.clone();
    copy[piece >>> 6] &= ~(1L << piece);
    return new PieceSet(copy, size);
  }

  /** The pieces in the set, ascending. */
  public IntStream stream() {
    return IntStream.iterate(nextPiece(0), piece -> piece >= 0, piece -> nextPiece(piece + 1));
  }

  /** A mutable copy. */
  public BitSet toBitSet() {
    return BitSet.valueOf(words);
  }

  /** The number of bytes of the bitfield, {@code ceil(size / 8)}. */
  public int wireLength() {
    return wireLength(size);
  }

  /** Writes the {@link #wireLength()} bytes of the bitfield. */
  public void writeTo(ByteBuffer out) {
    int left = wireLength();
    for (long word : words) {
      long big = Long.reverse(word);
      for (int b = 0; b < Long.BYTES && left > 0; b++, left--) {
        out.put((byte) (big >>> (Long.SIZE - Byte.SIZE * (b + 1))));
      }
    }
  }

  /** The BEP 3 bitfield: {@code ceil(size / 8)} bytes, piece 0 the high bit of byte 0. */
  public byte[] toBitfield() {
    ByteBuffer out = ByteBuffer.allocate(wireLength());
    writeTo(out);
    return out.array();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PieceSet other && size == other.size && Arrays.equals(words, other.words);
  }

  @Override
  public int hashCode() {
    return 31 * size + Arrays.hashCode(words);
  }

  /** {@code PieceSet[3 of 10: 0, 4, 7]}, at most the first 16 pieces listed. */
  @Override
  public String toString() {
    StringJoiner shown = new StringJoiner(", ");
    stream().limit(SHOWN_IN_TO_STRING).forEach(piece -> shown.add(Integer.toString(piece)));
    String more = count > SHOWN_IN_TO_STRING ? ", ..." : "";
    return "PieceSet[" + count + " of " + size + ": " + shown + more + "]";
  }
}
