package org.equinode.torrent.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.PieceHashes;
import org.equinode.torrent.storage.FileHandles.Handle;
import org.equinode.torrent.storage.StorageException.Reason;

/**
 * A {@link PieceStore} on the local file system: the torrent's files under a download folder (see
 * {@link DownloadFolder} for how paths are kept inside it). Files and folders are created on the
 * first write that falls in them, sparse: nothing is preallocated, so a skipped file that no wanted
 * piece reaches is never created, and one that a wanted piece reaches holds only that piece's
 * bytes. Blocks go through {@link FileChannel} positional reads and writes on shared handles (at
 * most {@link StorageOptions#maxOpenFiles()} idle ones kept open); hashing reads through a small
 * pool of {@link #HASH_BUFFER_BYTES} buffers, so the hot path allocates nothing per block.
 *
 * <p>Thread-safe, with the rules of {@link PieceStore}.
 */
public final class DiskPieceStore implements PieceStore {
  /** The buffer through which a piece is read while it is hashed. */
  public static final int HASH_BUFFER_BYTES = 256 * 1024;

  /** The most hashing buffers kept for reuse; more are made (and dropped) under heavier load. */
  static final int KEPT_HASH_BUFFERS = 8;

  /** Opens a channel; the default is {@link FileChannel#open}; tests put a failing disk here. */
  @FunctionalInterface
  interface ChannelFactory {
    FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException;
  }

  private static final Set<OpenOption> READ =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  private static final Set<OpenOption> CREATE_NEW =
      Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
  private static final Set<OpenOption> READ_WRITE =
      Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

  private final FileLayout layout;
  private final PieceHashes hashes;
  private final DownloadFolder folder;
  private final Path[] paths;
  private final FileHandles handles;
  private final ChannelFactory channels;
  private final AtomicIntegerArray dirty;
  private final ArrayBlockingQueue<HashScratch> scratch =
      new ArrayBlockingQueue<>(KEPT_HASH_BUFFERS);

  DiskPieceStore(
      FileLayout layout,
      PieceHashes hashes,
      Path downloadFolder,
      StorageOptions options,
      ChannelFactory channels) {
    if (hashes.count() != layout.pieceCount()) {
      throw new IllegalArgumentException(
          hashes.count() + " piece hashes for " + layout.pieceCount() + " pieces");
    }
    this.layout = layout;
    this.hashes = hashes;
    this.channels = channels;
    this.folder = DownloadFolder.open(downloadFolder);
    this.paths = new Path[layout.fileCount()];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = folder.locate(layout.file(i).path());
    }
    this.handles = new FileHandles(layout.fileCount(), options.maxOpenFiles(), this::openFile);
    this.dirty = new AtomicIntegerArray(layout.fileCount());
  }

  /**
   * The store for {@code info} under {@code downloadFolder} (created if missing).
   *
   * @throws StorageException if the folder cannot be created, or a file's path would leave it
   */
  public static DiskPieceStore open(InfoDict info, Path downloadFolder, StorageOptions options) {
    return new DiskPieceStore(
        FileLayout.of(info), info.pieces(), downloadFolder, options, FileChannel::open);
  }

  /** The store for a layout and its hashes under {@code downloadFolder}. */
  public static DiskPieceStore open(
      FileLayout layout, PieceHashes hashes, Path downloadFolder, StorageOptions options) {
    return new DiskPieceStore(layout, hashes, downloadFolder, options, FileChannel::open);
  }

  @Override
  public FileLayout layout() {
    return layout;
  }

  @Override
  public PieceHashes hashes() {
    return hashes;
  }

  /** The download folder, absolute and normalised. */
  public Path folder() {
    return folder.base();
  }

  /** Where file {@code file} lies. */
  public Path path(int file) {
    return paths[file];
  }

  @Override
  public void writeBlock(int piece, int offset, ByteBuffer data) {
    layout.checkRange(piece, offset, data.remaining());
    forEachFile(
        piece,
        offset,
        data,
        (file, at, part) -> {
          write(file, at, part);
          return true;
        });
  }

  /** What is done with one file's part of a range; false stops the walk. */
  @FunctionalInterface
  private interface FilePart {
    boolean apply(int file, long at, ByteBuffer part);
  }

  /**
   * Walks the files that the bytes of {@code piece} from {@code offset} on, as many as {@code
   * buffer} has remaining, fall into, in order: {@code action} sees the buffer with its limit
   * narrowed to that file's part and {@code at}, the part's position in the file. The buffer's
   * limit is restored.
   *
   * @return false as soon as {@code action} returns false
   */
  private boolean forEachFile(int piece, int offset, ByteBuffer buffer, FilePart action) {
    long position = layout.pieceStart(piece) + offset;
    int limit = buffer.limit();
    try {
      int file = buffer.hasRemaining() ? layout.fileAt(position) : 0;
      while (buffer.hasRemaining()) {
        long inFile = position - layout.fileStart(file);
        long room = layout.fileLength(file) - inFile;
        if (room > 0) {
          int take = (int) Math.min(buffer.remaining(), room);
          buffer.limit(buffer.position() + take);
          boolean more = action.apply(file, inFile, buffer);
          buffer.limit(limit);
          if (!more) {
            return false;
          }
          position += take;
        }
        file++;
      }
      return true;
    } finally {
      buffer.limit(limit);
    }
  }

  private void write(int file, long at, ByteBuffer data) {
    Handle handle = acquire(file, true, "write");
    try {
      long position = at;
      while (data.hasRemaining()) {
        position += handle.channel.write(data, position);
      }
      // Marked after the write, so that a sync that clears the mark has seen the write finish,
      // or the mark stays for the next sync.
      if (dirty.get(file) == 0) {
        dirty.set(file, 1);
      }
    } catch (IOException e) {
      throw StorageException.of("write", paths[file], e);
    } finally {
      handles.release(handle);
    }
  }

  @Override
  public void readBlock(int piece, int offset, ByteBuffer into) {
    layout.checkRange(piece, offset, into.remaining());
    forEachFile(
        piece,
        offset,
        into,
        (file, at, part) -> {
          long end = at + part.remaining();
          if (!read(file, at, part)) {
            throw new StorageException(
                Reason.MISSING,
                paths[file],
                "cannot read '" + paths[file] + "': it ends before byte " + end);
          }
          return true;
        });
  }

  /**
   * Fills {@code into} from file {@code file} at {@code at}; false if the file is absent or short.
   */
  private boolean read(int file, long at, ByteBuffer into) {
    Handle handle;
    try {
      handle = handles.acquire(file, false);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw StorageException.of("open", paths[file], e);
    }
    try {
      long position = at;
      while (into.hasRemaining()) {
        int n = handle.channel.read(into, position);
        if (n < 0) {
          return false;
        }
        position += n;
      }
      return true;
    } catch (IOException e) {
      throw StorageException.of("read", paths[file], e);
    } finally {
      handles.release(handle);
    }
  }

  @Override
  public boolean verifyPiece(int piece) {
    HashScratch s = takeScratch();
    try {
      MessageDigest sha1 = s.sha1;
      sha1.reset();
      ByteBuffer buffer = s.buffer;
      int size = layout.pieceSize(piece);
      for (int done = 0; done < size; ) {
        int take = Math.min(buffer.capacity(), size - done);
        buffer.clear().limit(take);
        if (!readRange(piece, done, buffer)) {
          return false;
        }
        buffer.flip();
        sha1.update(buffer);
        done += take;
      }
      sha1.digest(s.digest, 0, s.digest.length);
      return hashes.matches(piece, s.digest);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("SHA-1 refused a 20-byte output", e);
    } finally {
      scratch.offer(s);
    }
  }

  /** Like {@link #readBlock}, but false (not an error) when data is missing. */
  private boolean readRange(int piece, int offset, ByteBuffer into) {
    return forEachFile(piece, offset, into, this::read);
  }

  @Override
  public void ensureFile(int file) {
    Handle handle = acquire(file, true, "create");
    handles.release(handle);
  }

  @Override
  public Optional<FileState> fileState(int file) {
    Path path = paths[file];
    folder.checkFolders(path);
    try {
      Optional<BasicFileAttributes> found = DownloadFolder.attributes(path);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      BasicFileAttributes attributes = found.get();
      if (!attributes.isRegularFile()) {
        throw notAFile(path, attributes);
      }
      return Optional.of(
          new FileState(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
    } catch (IOException e) {
      throw StorageException.of("look at", path, e);
    }
  }

  @Override
  public void sync() {
    for (int file = 0; file < paths.length; file++) {
      if (dirty.get(file) != 0 && dirty.getAndSet(file, 0) != 0) {
        try {
          force(file);
        } catch (StorageException e) {
          dirty.set(file, 1);
          throw e;
        }
      }
    }
    folder.syncFolders();
  }

  @Override
  public void syncAll() {
    for (int file = 0; file < paths.length; file++) {
      if (fileState(file).isPresent()) {
        dirty.set(file, 1);
      }
    }
    sync();
  }

  private void force(int file) {
    Handle handle = acquire(file, false, "sync");
    try {
      handle.channel.force(false);
    } catch (IOException e) {
      throw StorageException.of("sync", paths[file], e);
    } finally {
      handles.release(handle);
    }
  }

  @Override
  public void close() {
    handles.close();
  }

  /** The number of files open now (for tests of the handle limit). */
  int openFiles() {
    return handles.openCount();
  }

  private Handle acquire(int file, boolean write, String action) {
    try {
      return handles.acquire(file, write);
    } catch (IOException e) {
      throw StorageException.of(action, paths[file], e);
    }
  }

  /** Opens file {@code file}; refuses anything but a regular file, before opening it. */
  private FileChannel openFile(int file, boolean write) throws IOException {
    Path path = paths[file];
    if (write) {
      folder.createFolders(path);
    } else {
      folder.checkFolders(path);
    }
    Optional<BasicFileAttributes> found = DownloadFolder.attributes(path);
    if (found.isPresent() && !found.get().isRegularFile()) {
      throw notAFile(path, found.get());
    }
    if (!write) {
      return channels.open(path, READ);
    }
    if (found.isEmpty()) {
      try {
        FileChannel created = channels.open(path, CREATE_NEW);
        folder.created(path);
        return created;
      } catch (FileAlreadyExistsException raced) {
        // Created at the same moment elsewhere: open what is there, without following a link.
      }
    }
    return channels.open(path, READ_WRITE);
  }

  private static StorageException notAFile(Path path, BasicFileAttributes attributes) {
    String what =
        attributes.isDirectory()
            ? "a folder"
            : attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file";
    return new StorageException(
        attributes.isSymbolicLink() ? Reason.UNSAFE_PATH : Reason.NOT_A_FILE,
        path,
        "cannot use '" + path + "' as a file: it is " + what);
  }

  private HashScratch takeScratch() {
    HashScratch s = scratch.poll();
    return s != null ? s : new HashScratch();
  }

  /** A read buffer and a digest, reused from one piece to the next. */
  private static final class HashScratch {
    final ByteBuffer buffer = ByteBuffer.allocate(HASH_BUFFER_BYTES);
    final byte[] digest = new byte[PieceHashes.HASH_LENGTH];
    final MessageDigest sha1;

    HashScratch() {
      try {
        sha1 = MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("this JDK has no SHA-1", e);
      }
    }
  }
}
