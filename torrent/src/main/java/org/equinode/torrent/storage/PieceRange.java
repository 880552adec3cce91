package org.equinode.torrent.storage;

/** The pieces {@code start} (inclusive) to {@code end} (exclusive); empty when they are equal. */
public record PieceRange(int start, int end) {
  public PieceRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad piece range " + start + ".." + end);
    }
  }

  /** Whether the range holds no piece. */
  public boolean isEmpty() {
    return start == end;
  }

  /** The number of pieces. */
  public int size() {
    return end - start;
  }

  /** Whether {@code piece} is in the range. */
  public boolean contains(int piece) {
    return piece >= start && piece < end;
  }
}
