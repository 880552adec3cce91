package org.equinode.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold secrets (keys, tokens, wallets): owner-only from the moment they exist,
 * replaced atomically. Errors are {@link UncheckedIOException}s that name the path.
 */
public final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private OwnerOnlyFiles() {}

  /** Creates {@code folder} and its missing parents, owner-only where the file system allows. */
  public static void createFolder(Path folder) {
    try {
      if (isPosix(folder)) {
        Files.createDirectories(folder, attribute(OWNER_FOLDER));
      } else {
        Files.createDirectories(folder);
      }
    } catch (FileAlreadyExistsException e) {
      throw new UncheckedIOException(folder + " exists and is not a folder", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** True when {@code file} can be read or written by anyone but its owner. */
  public static boolean isSharedWithOthers(Path file) {
    if (!isPosix(file)) {
      return false;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.stream()
          .anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the permissions of " + file, e);
    }
  }

  /**
   * Replaces {@code file} with {@code content}: written to a temporary owner-only file beside it,
   * forced to disk, moved over the old one, and the folder synced, so that a reader (or the system
   * after a crash) sees the old or the new file whole.
   */
  public static void writeAtomically(Path file, byte[] content) {
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null) {
      throw new IllegalArgumentException("not a file path: " + file);
    }
    createFolder(folder);
    boolean posix = isPosix(folder);
    try {
      Path temporary =
          posix
              ? Files.createTempFile(
                  folder, "." + file.getFileName(), ".tmp", attribute(OWNER_FILE))
              : Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(content);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        try {
          Files.move(
              temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
      if (posix) {
        // The new directory entry is durable only once the folder itself is synced.
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
          channel.force(true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> attribute(
      Set<PosixFilePermission> set) {
    return PosixFilePermissions.asFileAttribute(set);
  }
}
