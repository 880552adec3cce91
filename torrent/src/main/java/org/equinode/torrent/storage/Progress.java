package org.equinode.torrent.storage;

import java.util.List;
import org.equinode.torrent.metainfo.FilePath;

/**
 * A snapshot of how far a torrent is. "Completed" counts verified pieces, recorded or not.
 *
 * @param totalBytes the size of the torrent
 * @param wantedBytes the size of the files not skipped
 * @param completedBytes the bytes of completed pieces
 * @param wantedCompletedBytes the bytes of wanted files that lie in completed pieces
 * @param pieceCount the number of pieces
 * @param wantedPieces the pieces that touch a wanted file
 * @param completedPieces the completed pieces
 * @param files each file, in torrent order
 */
public record Progress(
    long totalBytes,
    long wantedBytes,
    long completedBytes,
    long wantedCompletedBytes,
    int pieceCount,
    int wantedPieces,
    int completedPieces,
    List<FileProgress> files) {
  public Progress {
    files = List.copyOf(files);
  }

  /** Whether every wanted file is complete: the download is done and the torrent only seeds. */
  public boolean isDone() {
    return wantedCompletedBytes == wantedBytes;
  }

  /** One file's progress. */
  public record FileProgress(
      FilePath path, long length, long completedBytes, FilePriority priority) {
    /** Whether the whole file lies in completed pieces. */
    public boolean isComplete() {
      return completedBytes == length;
    }
  }
}
