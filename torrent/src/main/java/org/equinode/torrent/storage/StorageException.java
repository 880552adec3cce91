package org.equinode.torrent.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.equinode.torrent.TorrentException;

/**
 * Torrent data could not be read or written: the disk is full, a folder is read-only, a folder
 * stands where a file should be, a path would leave the download folder, or another I/O error.
 * {@link #reason()} says which, {@link #path()} names the file or folder, the cause (when there is
 * one) is the original {@link IOException}. The torrent that meets one should be paused; the store
 * stays usable, so it can be resumed once the user has fixed the disk.
 */
public final class StorageException extends TorrentException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for the caller to decide (and the user to read). */
  public enum Reason {
    /** The file system is full, or a quota is reached. */
    NO_SPACE,
    /** Permission denied, a read-only file system, or an operation the system does not permit. */
    ACCESS_DENIED,
    /** Something other than a regular file (a folder, a device, a pipe) is where a file belongs. */
    NOT_A_FILE,
    /** Something other than a folder is where a folder belongs. */
    NOT_A_FOLDER,
    /** The path would lead outside the download folder (a symbolic link), so it is not used. */
    UNSAFE_PATH,
    /** A file that should hold data is missing or shorter than the data. */
    MISSING,
    /** Any other I/O error. */
    IO_ERROR
  }

  private final Reason reason;
  private final transient Path path;

  /** An error about {@code path} with a message of its own and no cause. */
  public StorageException(Reason reason, Path path, String message) {
    super(message);
    this.reason = reason;
    this.path = path;
  }

  private StorageException(Reason reason, Path path, String message, IOException cause) {
    super(message, cause);
    this.reason = reason;
    this.path = path;
  }

  /**
   * Classifies {@code cause}, which happened while doing {@code action} (a verb: "write", "read",
   * "create", "sync") to {@code path}. The message reads like "cannot write '/dl/a.bin': no space
   * left on device".
   */
  public static StorageException of(String action, Path path, IOException cause) {
    Reason reason = classify(cause);
    return new StorageException(
        reason, path, "cannot " + action + " '" + path + "': " + describe(reason, cause), cause);
  }

  static Reason classify(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Reason.MISSING;
    }
    if (e instanceof AccessDeniedException) {
      return Reason.ACCESS_DENIED;
    }
    String text =
        e instanceof FileSystemException fse && fse.getReason() != null
            ? fse.getReason()
            : String.valueOf(e.getMessage());
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("no space left") || lower.contains("quota exceeded")) {
      return Reason.NO_SPACE;
    }
    if (lower.contains("read-only file system")
        || lower.contains("permission denied")
        || lower.contains("operation not permitted")) {
      return Reason.ACCESS_DENIED;
    }
    if (lower.contains("is a directory")) {
      return Reason.NOT_A_FILE;
    }
    if (lower.contains("not a directory")) {
      return Reason.NOT_A_FOLDER;
    }
    if (lower.contains("too many levels of symbolic links")) {
      return Reason.UNSAFE_PATH;
    }
    return Reason.IO_ERROR;
  }

  private static String describe(Reason reason, IOException cause) {
    return switch (reason) {
      case NO_SPACE -> "no space left on device";
      case ACCESS_DENIED -> "access denied (" + reasonText(cause) + ")";
      case NOT_A_FILE -> "not a regular file";
      case NOT_A_FOLDER -> "a path component is not a folder";
      case UNSAFE_PATH -> "a symbolic link is in the way";
      case MISSING -> "no such file";
      case IO_ERROR -> reasonText(cause);
    };
  }

  private static String reasonText(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** What went wrong. */
  public Reason reason() {
    return reason;
  }

  /** The file or folder concerned. */
  public Path path() {
    return path;
  }
}
