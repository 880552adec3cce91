package org.equinode.torrent.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.equinode.torrent.storage.FilePriority;

/**
 * Which files of a torrent to download, by their index in the torrent (0 first): every file, or
 * some. Known before the metadata is (a magnet link), so the indexes are checked against the file
 * count only when the files are opened.
 */
public record FileSelection(SortedSet<Integer> indexes) {
  /** Every file. */
  public static final FileSelection ALL = new FileSelection(new TreeSet<>());

  /** The most indexes a selection may name (the most files a torrent may have). */
  public static final int MAX_INDEXES = org.equinode.torrent.metainfo.InfoDict.MAX_FILES;

  public FileSelection {
    if (indexes.size() > MAX_INDEXES) {
      throw new IllegalArgumentException(
          indexes.size() + " file indexes, more than " + MAX_INDEXES);
    }
    for (int index : indexes) {
      if (index < 0) {
        throw new IllegalArgumentException("negative file index " + index);
      }
    }
    indexes = Collections.unmodifiableSortedSet(new TreeSet<>(indexes));
  }

  /** Only the files at {@code indexes}; every file if none is named. */
  public static FileSelection of(List<Integer> indexes) {
    return new FileSelection(new TreeSet<>(indexes));
  }

  /** Whether every file is selected. */
  public boolean isAll() {
    return indexes.isEmpty();
  }

  /**
   * One priority per file of a torrent of {@code fileCount} files.
   *
   * @throws SessionException if an index is beyond the torrent's files
   */
  public List<FilePriority> priorities(int fileCount) {
    if (isAll()) {
      return FilePriority.allNormal(fileCount);
    }
    if (indexes.last() >= fileCount) {
      throw new SessionException(
          "file index "
              + indexes.last()
              + " is beyond the torrent's "
              + fileCount
              + (fileCount == 1 ? " file" : " files")
              + " (the first is 0)");
    }
    List<FilePriority> priorities = new ArrayList<>(fileCount);
    for (int f = 0; f < fileCount; f++) {
      priorities.add(indexes.contains(f) ? FilePriority.NORMAL : FilePriority.SKIP);
    }
    return priorities;
  }
}
