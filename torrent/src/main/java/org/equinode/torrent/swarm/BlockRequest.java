package org.equinode.torrent.swarm;

/**
 * A block of a piece, as a BEP 3 {@code request}, {@code piece} or {@code cancel} names it: the
 * piece index, the byte offset in the piece ({@code begin}) and the length. The blocks this package
 * hands out come from a {@link PieceLayout} and are {@link PieceLayout#BLOCK_LENGTH} long except
 * the last of the last piece.
 */
public record BlockRequest(int piece, int begin, int length) {
  public BlockRequest {
    if (piece < 0 || begin < 0) {
      throw new IllegalArgumentException("negative piece " + piece + " or offset " + begin);
    }
    if (length <= 0 || length > PieceLayout.BLOCK_LENGTH) {
      throw new IllegalArgumentException(
          "block length " + length + " is outside 1.." + PieceLayout.BLOCK_LENGTH);
    }
  }

  /** The block's number within its piece. */
  public int blockIndex() {
    return begin / PieceLayout.BLOCK_LENGTH;
  }

  @Override
  public String toString() {
    return "piece " + piece + " [" + begin + "+" + length + "]";
  }
}
