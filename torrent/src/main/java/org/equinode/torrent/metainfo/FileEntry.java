package org.equinode.torrent.metainfo;

/**
 * One file of a torrent: its path relative to the download directory (for a multi-file torrent the
 * first name is the torrent's directory name) and its length in bytes.
 */
public record FileEntry(FilePath path, long length) {
  public FileEntry {
    if (length < 0) {
      throw new InvalidMetainfoException("file '" + path + "' has a negative length " + length);
    }
  }
}
