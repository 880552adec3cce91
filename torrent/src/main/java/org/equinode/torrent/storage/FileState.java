package org.equinode.torrent.storage;

/**
 * What a store knows of one existing file, to tell whether it changed since a resume record: its
 * size and its last-modified time in nanoseconds since the epoch (on disk, as precise as the file
 * system keeps it).
 */
public record FileState(long size, long modifiedNanos) {
  public FileState {
    if (size < 0) {
      throw new IllegalArgumentException("negative file size " + size);
    }
  }
}
