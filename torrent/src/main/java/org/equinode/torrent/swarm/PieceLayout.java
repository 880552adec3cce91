package org.equinode.torrent.swarm;

import org.equinode.torrent.metainfo.InfoDict;

/**
 * How a torrent's bytes split into pieces and 16 KiB blocks: every piece is {@code pieceLength}
 * long except the last, every block {@link #BLOCK_LENGTH} long except the last of each piece.
 */
public record PieceLayout(long totalLength, int pieceLength) {
  /** The block length every client requests (BEP 3 recommends it; many refuse larger). */
  public static final int BLOCK_LENGTH = 16 * 1024;

  /** The most pieces a layout may have, the same limit as {@link InfoDict#MAX_PIECES}. */
  public static final int MAX_PIECES = InfoDict.MAX_PIECES;

  /** The longest piece, the same limit as {@link InfoDict#MAX_PIECE_LENGTH}. */
  public static final int MAX_PIECE_LENGTH = InfoDict.MAX_PIECE_LENGTH;

  public PieceLayout {
    if (pieceLength <= 0 || pieceLength > MAX_PIECE_LENGTH) {
      throw new IllegalArgumentException(
          "piece length " + pieceLength + " is outside 1.." + MAX_PIECE_LENGTH);
    }
    if (totalLength <= 0 || (totalLength - 1) / pieceLength + 1 > MAX_PIECES) {
      throw new IllegalArgumentException(
          "total length "
              + totalLength
              + " does not make 1.."
              + MAX_PIECES
              + " pieces of "
              + pieceLength);
    }
  }

  /** The layout of a torrent's info dictionary. */
  public static PieceLayout of(InfoDict info) {
    return new PieceLayout(info.totalLength(), info.pieceLength());
  }

  /** The number of pieces. */
  public int pieceCount() {
    return (int) ((totalLength - 1) / pieceLength + 1);
  }

  /** The length of piece {@code piece}. */
  public int pieceSize(int piece) {
    checkPiece(piece);
    long start = (long) piece * pieceLength;
    return (int) Math.min(pieceLength, totalLength - start);
  }

  /** The number of blocks in piece {@code piece}. */
  public int blockCount(int piece) {
    return (pieceSize(piece) - 1) / BLOCK_LENGTH + 1;
  }

  /** The most blocks any piece has. */
  public int maxBlocksPerPiece() {
    return blockCount(0);
  }

  /** Block number {@code block} of piece {@code piece}. */
  public BlockRequest block(int piece, int block) {
    int size = pieceSize(piece);
    if (block < 0 || block >= blockCount(piece)) {
      throw new IllegalArgumentException(
          "block " + block + " is outside 0.." + (blockCount(piece) - 1) + " of piece " + piece);
    }
    int begin = block * BLOCK_LENGTH;
    return new BlockRequest(piece, begin, Math.min(BLOCK_LENGTH, size - begin));
  }

  /**
   * Whether {@code (piece, begin, length)}, as a peer sent it, is exactly one of this layout's
   * blocks. Any {@code int}s are accepted, negative ones included.
   */
  public boolean isBlock(int piece, int begin, int length) {
    if (piece < 0 || piece >= pieceCount() || begin < 0 || begin % BLOCK_LENGTH != 0) {
      return false;
    }
    int size = pieceSize(piece);
    return begin < size && length == Math.min(BLOCK_LENGTH, size - begin);
  }

  private void checkPiece(int piece) {
    if (piece < 0 || piece >= pieceCount()) {
      throw new IllegalArgumentException("piece " + piece + " is outside 0.." + (pieceCount() - 1));
    }
  }
}
