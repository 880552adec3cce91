package org.equinode.node.torrent;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.metainfo.FileEntry;
import org.equinode.torrent.metainfo.FilePath;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.session.FileSelection;
import org.jspecify.annotations.Nullable;

/**
 * Deletes what a removed torrent leaves: the files it downloaded under its save folder (never
 * anything else: a file skipped by the selection was never ours to write, no path is followed
 * through a symbolic link, and a folder goes only once it is empty), and the node's state folder of
 * it. Also tells whether two torrents in one folder would write the same paths.
 */
final class TorrentFiles {
  private TorrentFiles() {}

  /**
   * Deletes the {@code selected} files of {@code info} under {@code folder}, then the folders
   * between them and {@code folder} that are left empty. A file skipped by the selection stays,
   * even where one of its pieces was written: the path may hold a file of the user's own.
   *
   * @return the paths that could not be deleted (empty if all went)
   */
  static List<Path> delete(InfoDict info, FileSelection selected, Path folder) {
    Path base = folder.toAbsolutePath().normalize();
    List<Path> kept = new ArrayList<>();
    TreeSet<Path> parents =
        new TreeSet<>(
            Comparator.comparingInt(Path::getNameCount)
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
    List<FileEntry> files = info.files();
    for (int index = 0; index < files.size(); index++) {
      if (!selected.isAll() && !selected.indexes().contains(index)) {
        continue;
      }
      Path file = files.get(index).path().resolveUnder(base);
      if (throughLink(base, file)) {
        continue;
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        kept.add(file);
      }
      for (Path p = file.getParent(); p != null && !p.equals(base); p = p.getParent()) {
        parents.add(p);
      }
    }
    for (Path parent : parents) {
      try {
        if (!Files.isSymbolicLink(parent)) {
          Files.deleteIfExists(parent);
        }
      } catch (DirectoryNotEmptyException e) {
        // Holds files of someone else's: kept.
      } catch (IOException e) {
        kept.add(parent);
      }
    }
    return List.copyOf(kept);
  }

  /**
   * A path of {@code info} that is also a path of {@code other} in the same folder, or lies above
   * or below one of its files (a file where the other needs a folder): the two would write the same
   * bytes, and removing one with its data would delete the other's.
   */
  static Optional<FilePath> overlap(InfoDict info, InfoDict other) {
    TreeSet<FilePath> theirs = new TreeSet<>();
    other.files().forEach(f -> theirs.add(f.path()));
    for (FileEntry entry : info.files()) {
      FilePath path = entry.path();
      if (theirs.contains(path)) {
        return Optional.of(path);
      }
      // Sorted by names: the paths below ours come right after it; one above ours, before it.
      FilePath after = theirs.higher(path);
      if (after != null && path.isAncestorOf(after)) {
        return Optional.of(path);
      }
      for (FilePath above = parent(path); above != null; above = parent(above)) {
        if (theirs.contains(above)) {
          return Optional.of(above);
        }
      }
    }
    return Optional.empty();
  }

  private static @Nullable FilePath parent(FilePath path) {
    return path.depth() <= 1 ? null : new FilePath(path.names().subList(0, path.depth() - 1));
  }

  /** Whether a folder between {@code base} and {@code file} is a symbolic link. */
  private static boolean throughLink(Path base, Path file) {
    for (Path p = file.getParent(); p != null && !p.equals(base); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        return true;
      }
    }
    return false;
  }

  /** Deletes the node's state folder of one torrent (metadata, resume data, record). */
  static void deleteStateFolder(Path state) {
    try (Stream<Path> walk = Files.walk(state)) {
      List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException e) {
      // Nothing saved yet.
    } catch (IOException e) {
      throw new TorrentException("cannot delete the state folder " + state + ": " + e, e);
    }
  }
}
