package org.equinode.torrent.storage;

import java.util.BitSet;
import java.util.List;
import org.equinode.torrent.PieceSet;

/**
 * File priorities and what they make of the pieces: a piece is wanted if it touches a wanted file,
 * and its priority is the highest of the files it touches. Immutable.
 */
final class Selection {
  private final List<FilePriority> files;
  private final byte[] pieces;
  private final PieceSet wanted;
  private final long wantedBytes;

  private Selection(List<FilePriority> files, byte[] pieces, PieceSet wanted, long wantedBytes) {
    this.files = files;
    this.pieces = pieces;
    this.wanted = wanted;
    this.wantedBytes = wantedBytes;
  }

  /**
   * The selection of {@code priorities}, one per file.
   *
   * @throws IllegalArgumentException if there is not one per file
   */
  static Selection of(FileLayout layout, List<FilePriority> priorities) {
    if (priorities.size() != layout.fileCount()) {
      throw new IllegalArgumentException(
          priorities.size() + " priorities for " + layout.fileCount() + " files");
    }
    List<FilePriority> files = List.copyOf(priorities);
    byte[] pieces = new byte[layout.pieceCount()]; // ranks; SKIP is 0
    BitSet wanted = new BitSet(layout.pieceCount());
    long wantedBytes = 0;
    for (int f = 0; f < files.size(); f++) {
      FilePriority priority = files.get(f);
      if (!priority.isWanted()) {
        continue;
      }
      wantedBytes += layout.fileLength(f);
      PieceRange range = layout.piecesOf(f);
      wanted.set(range.start(), range.end());
      byte rank = (byte) priority.rank();
      for (int p = range.start(); p < range.end(); p++) {
        if (pieces[p] < rank) {
          pieces[p] = rank;
        }
      }
    }
    return new Selection(files, pieces, PieceSet.of(layout.pieceCount(), wanted), wantedBytes);
  }

  List<FilePriority> files() {
    return files;
  }

  FilePriority file(int file) {
    return files.get(file);
  }

  FilePriority piece(int piece) {
    return FilePriority.ofRank(pieces[piece]);
  }

  PieceSet wanted() {
    return wanted;
  }

  long wantedBytes() {
    return wantedBytes;
  }
}
