package org.equinode.node.torrent;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.metainfo.FileEntry;
import org.equinode.torrent.metainfo.InfoDict;

/**
 * Deletes what a removed torrent leaves: its own files under its save folder (never anything else:
 * no path is followed through a symbolic link, and a folder goes only once it is empty), and the
 * node's state folder of it.
 */
final class TorrentFiles {
  private TorrentFiles() {}

  /**
   * Deletes the files of {@code info} under {@code folder}, then the folders between them and
   * {@code folder} that are left empty.
   *
   * @throws TorrentException naming the file that could not be deleted
   */
  static void delete(InfoDict info, Path folder) {
    Path base = folder.toAbsolutePath().normalize();
    TreeSet<Path> parents =
        new TreeSet<>(
            Comparator.comparingInt(Path::getNameCount)
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
    for (FileEntry entry : info.files()) {
      Path file = entry.path().resolveUnder(base);
      if (throughLink(base, file)) {
        continue;
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new TorrentException("cannot delete " + file + ": " + e.getMessage(), e);
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
        throw new TorrentException("cannot delete " + parent + ": " + e.getMessage(), e);
      }
    }
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
