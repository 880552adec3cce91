package org.equinode.torrent.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.equinode.torrent.metainfo.FilePath;
import org.equinode.torrent.metainfo.UnsafePathException;
import org.equinode.torrent.storage.StorageException.Reason;

/**
 * The download folder and the paths of a torrent's files in it. A path is built only from the
 * validated names of a {@link FilePath}, re-checked after normalising ({@link
 * FilePath#resolveUnder}), and every folder on the way that already exists is checked without
 * following links: a symbolic link whose target lies outside the download folder is refused, one
 * that stays inside is allowed. A file itself may never be a link (files are opened with {@code
 * NOFOLLOW_LINKS}). Checked folders are remembered, so each is looked at once.
 *
 * <p>Not proof against a local attacker who swaps a checked folder for a link afterwards: Java has
 * no {@code openat}. What it stops is a torrent, or a stray link left in the folder, leading writes
 * or uploads outside it.
 *
 * <p>Thread-safe.
 */
final class DownloadFolder {
  private final Path base;
  private final Path realBase;
  private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();
  private final Set<Path> foldersToSync = ConcurrentHashMap.newKeySet();

  private DownloadFolder(Path base, Path realBase) {
    this.base = base;
    this.realBase = realBase;
  }

  /**
   * The folder {@code directory}, created with its parents if missing.
   *
   * @throws StorageException if it cannot be created or is not a folder
   */
  static DownloadFolder open(Path directory) {
    Path base = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(base);
      return new DownloadFolder(base, base.toRealPath());
    } catch (FileAlreadyExistsException e) {
      throw new StorageException(
          Reason.NOT_A_FOLDER,
          base,
          "cannot use '" + base + "' as the download folder: not a folder");
    } catch (IOException e) {
      throw StorageException.of("create the download folder", base, e);
    }
  }

  Path base() {
    return base;
  }

  /**
   * The location of {@code path}, after checking that it stays inside and that no existing folder
   * on the way is a link out.
   */
  Path locate(FilePath path) {
    Path file;
    try {
      file = path.resolveUnder(base);
    } catch (UnsafePathException e) {
      throw new StorageException(
          Reason.UNSAFE_PATH, base.resolve(path.toString()), String.valueOf(e.getMessage()));
    }
    checkFolders(file, false);
    return file;
  }

  /** Checks again, as {@link #locate} does, the folders on the way to {@code file}. */
  void checkFolders(Path file) {
    checkFolders(file, false);
  }

  /** Creates the folders that {@code file} needs, checking the existing ones as {@link #locate}. */
  void createFolders(Path file) {
    checkFolders(file, true);
  }

  /**
   * The attributes of {@code path} itself (a link is not followed), or empty if nothing is there.
   */
  static Optional<BasicFileAttributes> attributes(Path path) throws IOException {
    try {
      return Optional.of(
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private void checkFolders(Path file, boolean create) {
    Path parent = file.getParent();
    if (parent == null || parent.equals(base) || checkedFolders.contains(parent)) {
      return;
    }
    List<Path> folders = new ArrayList<>();
    for (Path p = parent; p != null && !p.equals(base); p = p.getParent()) {
      folders.add(p);
    }
    for (Path folder : folders.reversed()) {
      if (!checkedFolders.contains(folder)) {
        checkFolder(folder, create);
      }
    }
  }

  /** Checks one folder below the base whose own parent is checked already; creates it if asked. */
  private void checkFolder(Path folder, boolean create) {
    try {
      Optional<BasicFileAttributes> found = attributes(folder);
      if (found.isEmpty()) {
        if (!create) {
          return; // Nothing below it exists either; nothing to check.
        }
        try {
          Files.createDirectory(folder);
          Path parent = folder.getParent();
          foldersToSync.add(parent == null ? base : parent);
        } catch (FileAlreadyExistsException raced) {
          checkFolder(folder, false); // Made at the same moment by another writer: check that.
          return;
        }
      } else if (found.get().isSymbolicLink()) {
        Path target = folder.toRealPath();
        if (!target.startsWith(realBase)) {
          throw new StorageException(
              Reason.UNSAFE_PATH,
              folder,
              "refusing '"
                  + folder
                  + "': a symbolic link to '"
                  + target
                  + "', outside the download folder '"
                  + base
                  + "'");
        }
        if (!Files.isDirectory(target)) {
          throw notAFolder(folder);
        }
      } else if (!found.get().isDirectory()) {
        throw notAFolder(folder);
      }
      checkedFolders.add(folder);
    } catch (IOException e) {
      throw StorageException.of(create ? "create the folder" : "check the folder", folder, e);
    }
  }

  private static StorageException notAFolder(Path folder) {
    return new StorageException(
        Reason.NOT_A_FOLDER,
        folder,
        "cannot use '" + folder + "' as a folder: something else is there");
  }

  /** Records that {@code folder} got a new entry that must be synced. */
  void created(Path file) {
    Path parent = file.getParent();
    foldersToSync.add(parent == null ? base : parent);
  }

  /**
   * Syncs the folders that got new entries since the last call, so that the new names survive a
   * crash. A folder that cannot be synced is kept for the next call.
   */
  void syncFolders() {
    for (Path folder : List.copyOf(foldersToSync)) {
      foldersToSync.remove(folder);
      try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
        channel.force(true);
      } catch (IOException e) {
        foldersToSync.add(folder);
        throw StorageException.of("sync the folder", folder, e);
      }
    }
  }
}
