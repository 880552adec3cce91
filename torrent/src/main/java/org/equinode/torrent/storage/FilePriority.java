package org.equinode.torrent.storage;

import java.util.Collections;
import java.util.List;

/** How much a file is wanted. A piece gets the highest priority of the files it touches. */
public enum FilePriority {
  /** Not downloaded; created only if a wanted piece reaches into it. */
  SKIP(0),
  /** Downloaded. */
  NORMAL(1),
  /** Downloaded before the normal ones. */
  HIGH(2);

  private final int rank;

  FilePriority(int rank) {
    this.rank = rank;
  }

  /** 0 for {@link #SKIP}, higher for higher priorities. */
  int rank() {
    return rank;
  }

  /** The priority of {@code rank}. */
  static FilePriority ofRank(int rank) {
    return switch (rank) {
      case 0 -> SKIP;
      case 1 -> NORMAL;
      case 2 -> HIGH;
      default -> throw new IllegalArgumentException("no priority of rank " + rank);
    };
  }

  /** Whether the file is to be downloaded. */
  public boolean isWanted() {
    return this != SKIP;
  }

  /** {@link #NORMAL} for each of {@code files} files. */
  public static List<FilePriority> allNormal(int files) {
    return Collections.nCopies(files, NORMAL);
  }
}
