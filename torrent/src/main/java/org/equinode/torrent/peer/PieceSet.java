package org.equinode.torrent.peer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import org.equinode.torrent.metainfo.InfoDict;

/**
 * An immutable set of piece indices {@code 0..size-1}: what a bitfield message carries. Stored as
 * 64-bit words, so that a 2-million-piece torrent takes 256 KiB and converts to and from the wire
 * in a few hundred microseconds. For a set that changes with every {@code have}, take {@link
 * #toBitSet()}.
 *
 * <p>On the wire (BEP 3) piece 0 is the high bit of the first byte; the bits after the last piece
 * ("spare bits") must be zero.
 */
public final class PieceSet {
  /** The most pieces a set may hold: as many as a torrent may have. */
  public static final int MAX_SIZE = InfoDict.MAX_PIECES;

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
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "a piece set holds 0.." + MAX_SIZE + " pieces, not " + size);
    }
  }

  private static int wordCount(int size) {
    return (size + Long.SIZE - 1) / Long.SIZE;
  }

  /** The number of bytes a bitfield for {@code pieceCount} pieces takes on the wire. */
  public static int wireLength(int pieceCount) {
    return (pieceCount + Byte.SIZE - 1) / Byte.SIZE;
  }

  /** No piece of {@code size}. */
  public static PieceSet none(int size) {
    checkSize(size);
    return new PieceSet(new long[wordCount(size)], size);
  }

  /** Every piece of {@code size}. */
  public static PieceSet all(int size) {
    checkSize(size);
    long[] words = new long[wordCount(size)];
    Arrays.fill(words, -1L);
    clearSpareBits(words, size);
    return new PieceSet(words, size);
  }

  /** The pieces of {@code bits} below {@code size}. */
  public static PieceSet of(BitSet bits, int size) {
    checkSize(size);
    long[] words = Arrays.copyOf(bits.toLongArray(), wordCount(size));
    clearSpareBits(words, size);
    return new PieceSet(words, size);
  }

  private static void clearSpareBits(long[] words, int size) {
    int used = size % Long.SIZE;
    if (used != 0) {
      words[words.length - 1] &= (1L << used) - 1;
    }
  }

  /**
   * Reads a bitfield of {@code pieceCount} pieces: exactly {@link #wireLength(int)} bytes, spare
   * bits zero. Reads {@code bits} from its position to its limit.
   *
   * @throws PeerWireException ({@link CloseReason#MALFORMED_MESSAGE}) on a wrong length or a spare
   *     bit set
   */
  public static PieceSet decode(ByteBuffer bits, int pieceCount) {
    checkSize(pieceCount);
    if (bits.remaining() != wireLength(pieceCount)) {
      throw new PeerWireException(
          CloseReason.MALFORMED_MESSAGE,
          "bitfield of "
              + bits.remaining()
              + " bytes for "
              + pieceCount
              + " pieces, expected "
              + wireLength(pieceCount));
    }
    long[] words = new long[wordCount(pieceCount)];
    ByteBuffer in = bits.duplicate();
    for (int w = 0; w < words.length; w++) {
      long big = 0;
      for (int b = 0; b < Long.BYTES; b++) {
        big = (big << Byte.SIZE) | (in.hasRemaining() ? in.get() & 0xff : 0);
      }
      words[w] = Long.reverse(big);
    }
    int used = pieceCount % Long.SIZE;
    if (used != 0 && (words[words.length - 1] >>> used) != 0) {
      throw new PeerWireException(
          CloseReason.MALFORMED_MESSAGE,
          "bitfield for " + pieceCount + " pieces has a spare bit set");
    }
    return new PieceSet(words, pieceCount);
  }

  /**
   * This set cut to {@code pieceCount} pieces, for a bitfield that arrived before the piece count
   * was known (a magnet download): its length must be {@link #wireLength(int)} bytes and every bit
   * from {@code pieceCount} on clear.
   *
   * @throws PeerWireException ({@link CloseReason#MALFORMED_MESSAGE}) otherwise
   */
  public PieceSet fitTo(int pieceCount) {
    checkSize(pieceCount);
    if (wireLength(size) != wireLength(pieceCount)) {
      throw new PeerWireException(
          CloseReason.MALFORMED_MESSAGE,
          "bitfield of "
              + wireLength(size)
              + " bytes for "
              + pieceCount
              + " pieces, expected "
              + wireLength(pieceCount));
    }
    int next = nextSet(pieceCount);
    if (next >= 0) {
      throw new PeerWireException(
          CloseReason.MALFORMED_MESSAGE,
          "bitfield for " + pieceCount + " pieces has spare bit " + next + " set");
    }
    return new PieceSet(Arrays.copyOf(words, wordCount(pieceCount)), pieceCount);
  }

  /** The number of pieces the set ranges over (set or not). */
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
  public boolean isComplete() {
    return count == size;
  }

  /** Whether piece {@code index} is in the set. */
  public boolean contains(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("piece " + index + " of " + size);
    }
    return (words[index / Long.SIZE] & (1L << index)) != 0;
  }

  /** The first piece in the set at or after {@code from}, or -1. */
  public int nextSet(int from) {
    if (from < 0) {
      throw new IndexOutOfBoundsException("piece " + from);
    }
    int w = from / Long.SIZE;
    if (w >= words.length) {
      return -1;
    }
    long word = words[w] & (-1L << from);
    while (true) {
      if (word != 0) {
        int index = w * Long.SIZE + Long.numberOfTrailingZeros(word);
        return index < size ? index : -1;
      }
      if (++w == words.length) {
        return -1;
      }
      word = words[w];
    }
  }

  /** A mutable copy. */
  public BitSet toBitSet() {
    return BitSet.valueOf(words);
  }

  /** The number of bytes on the wire. */
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

  /** The bitfield bytes. */
  public byte[] toWire() {
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

  @Override
  public String toString() {
    return "PieceSet[" + count + " of " + size + "]";
  }
}
