package org.equinode.torrent.storage;

/**
 * A run of bytes inside one file: {@code length} bytes of file {@code file} (its index in the
 * torrent) starting at {@code fileOffset}. Never empty.
 */
public record Span(int file, long fileOffset, int length) {
  public Span {
    if (file < 0 || fileOffset < 0 || length <= 0) {
      throw new IllegalArgumentException(
          "bad span: file " + file + ", offset " + fileOffset + ", length " + length);
    }
  }

  /** The file offset just after the span. */
  public long fileEnd() {
    return fileOffset + length;
  }
}
