package org.equinode.torrent.storage;

import java.util.ArrayList;
import java.util.List;
import org.equinode.torrent.metainfo.FileEntry;
import org.equinode.torrent.metainfo.InfoDict;

/**
 * Where a torrent's bytes lie in its files. BitTorrent treats the files, in torrent order, as one
 * concatenated byte space cut into pieces of {@link #pieceLength()} (the last one shorter); this
 * class maps a range of a piece back to runs of bytes in files ({@link Span}s). Zero-length files
 * take no room: they hold no byte of any piece, and a span never names them. Immutable.
 *
 * <p>The lookups that the hot path uses ({@link #fileAt}, {@link #fileStart}, {@link #fileLength})
 * allocate nothing; {@link #spans} allocates a small list.
 */
public final class FileLayout {
  private final int pieceLength;
  private final int pieceCount;
  private final long totalLength;
  private final List<FileEntry> files;
  private final long[] starts;

  private FileLayout(int pieceLength, List<FileEntry> files) {
    if (pieceLength <= 0) {
      throw new IllegalArgumentException("piece length " + pieceLength + " is not positive");
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a torrent has at least one file");
    }
    this.pieceLength = pieceLength;
    this.files = List.copyOf(files);
    this.starts = new long[files.size()];
    long total = 0;
    for (int i = 0; i < files.size(); i++) {
      starts[i] = total;
      total = Math.addExact(total, files.get(i).length());
    }
    if (total == 0) {
      throw new IllegalArgumentException("a torrent holds at least one byte");
    }
    long count = (total + pieceLength - 1) / pieceLength;
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(count + " pieces are too many");
    }
    this.totalLength = total;
    this.pieceCount = (int) count;
  }

  /** The layout of the torrent {@code info} describes. */
  public static FileLayout of(InfoDict info) {
    return new FileLayout(info.pieceLength(), info.files());
  }

  /**
   * The layout of {@code files}, in this order, cut into pieces of {@code pieceLength}.
   *
   * @throws IllegalArgumentException if there is no file, no byte, or the piece length is not
   *     positive
   */
  public static FileLayout of(int pieceLength, List<FileEntry> files) {
    return new FileLayout(pieceLength, files);
  }

  /** The length of every piece but the last. */
  public int pieceLength() {
    return pieceLength;
  }

  /** The number of pieces. */
  public int pieceCount() {
    return pieceCount;
  }

  /** The sum of the file lengths. */
  public long totalLength() {
    return totalLength;
  }

  /** The length of piece {@code piece}: {@link #pieceLength()}, or less for the last piece. */
  public int pieceSize(int piece) {
    checkPiece(piece);
    return (int) Math.min(pieceLength, totalLength - pieceStart(piece));
  }

  /** Where piece {@code piece} starts in the concatenated byte space. */
  public long pieceStart(int piece) {
    checkPiece(piece);
    return (long) piece * pieceLength;
  }

  /** The number of files, zero-length ones included. */
  public int fileCount() {
    return files.size();
  }

  /** The files in torrent order. */
  public List<FileEntry> files() {
    return files;
  }

  /** File {@code file}. */
  public FileEntry file(int file) {
    return files.get(file);
  }

  /** Where file {@code file} starts in the concatenated byte space. */
  public long fileStart(int file) {
    return starts[file];
  }

  /** The length of file {@code file}. */
  public long fileLength(int file) {
    return files.get(file).length();
  }

  /**
   * The index of the file that holds byte {@code offset} of the concatenated space; never a
   * zero-length file.
   *
   * @throws IndexOutOfBoundsException if the offset is outside {@code 0..totalLength()-1}
   */
  public int fileAt(long offset) {
    if (offset < 0 || offset >= totalLength) {
      throw new IndexOutOfBoundsException("offset " + offset + " of " + totalLength);
    }
    // The last file that starts at or before the offset: the next one starts after it, so this
    // one is longer than zero and holds the byte.
    int low = 0;
    int high = starts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (starts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /**
   * The runs of file bytes that hold {@code length} bytes of piece {@code piece} from {@code
   * offset}, in order. Empty when {@code length} is zero.
   *
   * @throws IndexOutOfBoundsException if the range is not inside the piece
   */
  public List<Span> spans(int piece, int offset, int length) {
    checkRange(piece, offset, length);
    List<Span> out = new ArrayList<>(2);
    if (length == 0) {
      return out;
    }
    long position = pieceStart(piece) + offset;
    long left = length;
    int file = fileAt(position);
    while (left > 0) {
      long inFile = position - starts[file];
      long take = Math.min(left, fileLength(file) - inFile);
      if (take > 0) {
        out.add(new Span(file, inFile, (int) take));
        position += take;
        left -= take;
      }
      file++;
    }
    return out;
  }

  /** The runs of file bytes that hold the whole of piece {@code piece}. */
  public List<Span> pieceSpans(int piece) {
    return spans(piece, 0, pieceSize(piece));
  }

  /**
   * The pieces that hold a byte of file {@code file}; empty for a zero-length file.
   *
   * @throws IndexOutOfBoundsException if there is no such file
   */
  public PieceRange piecesOf(int file) {
    long start = starts[file];
    long length = fileLength(file);
    if (length == 0) {
      int at = (int) Math.min(start / pieceLength, pieceCount);
      return new PieceRange(at, at);
    }
    return new PieceRange(
        (int) (start / pieceLength), (int) ((start + length - 1) / pieceLength) + 1);
  }

  /**
   * Checks that {@code length} bytes from {@code offset} lie inside piece {@code piece}.
   *
   * @throws IndexOutOfBoundsException if they do not
   */
  public void checkRange(int piece, int offset, int length) {
    int size = pieceSize(piece);
    if (offset < 0 || length < 0 || offset > size - length) {
      throw new IndexOutOfBoundsException(
          "bytes " + offset + "+" + length + " are outside piece " + piece + " of " + size);
    }
  }

  private void checkPiece(int piece) {
    if (piece < 0 || piece >= pieceCount) {
      throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount);
    }
  }

  @Override
  public String toString() {
    return "FileLayout["
        + files.size()
        + " files, "
        + totalLength
        + " bytes, "
        + pieceCount
        + " pieces of "
        + pieceLength
        + "]";
  }
}
