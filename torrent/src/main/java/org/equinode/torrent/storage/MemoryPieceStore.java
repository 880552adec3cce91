package org.equinode.torrent.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import org.equinode.torrent.metainfo.PieceHashes;
import org.equinode.torrent.storage.StorageException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PieceStore} in memory, for tests and small torrents. It behaves like a disk in the ways
 * that matter to callers: files appear on their first write and grow as far as written, a capacity
 * can run out ({@link StorageException.Reason#NO_SPACE}), and what was not synced is lost in a
 * simulated crash ({@link #afterCrash()}). Modification times are a counter that moves on every
 * write. Thread-safe (every method is synchronized).
 */
public final class MemoryPieceStore implements PieceStore {
  /** The most bytes one store may hold: a file lives in one array. */
  public static final long MAX_TOTAL_BYTES = 1L << 30;

  private final FileLayout layout;
  private final PieceHashes hashes;
  private final long capacity;
  private final MemoryFile[] files;
  private final MemoryFile[] durable;
  private long clock;

  private MemoryPieceStore(
      FileLayout layout, PieceHashes hashes, long capacity, MemoryFile[] durable, long clock) {
    if (layout.totalLength() > MAX_TOTAL_BYTES) {
      throw new IllegalArgumentException(
          layout.totalLength() + " bytes are more than a memory store holds, " + MAX_TOTAL_BYTES);
    }
    if (hashes.count() != layout.pieceCount()) {
      throw new IllegalArgumentException(
          hashes.count() + " piece hashes for " + layout.pieceCount() + " pieces");
    }
    this.layout = layout;
    this.hashes = hashes;
    this.capacity = capacity;
    this.durable = durable;
    this.files = new MemoryFile[durable.length];
    for (int i = 0; i < durable.length; i++) {
      files[i] = durable[i].copy();
    }
    this.clock = clock;
  }

  /** An empty store that may hold the whole torrent. */
  public static MemoryPieceStore create(FileLayout layout, PieceHashes hashes) {
    return withCapacity(layout, hashes, Long.MAX_VALUE);
  }

  /** An empty store whose files together may grow to {@code capacity} bytes, and no further. */
  public static MemoryPieceStore withCapacity(
      FileLayout layout, PieceHashes hashes, long capacity) {
    MemoryFile[] empty = new MemoryFile[layout.fileCount()];
    for (int i = 0; i < empty.length; i++) {
      empty[i] = new MemoryFile();
    }
    return new MemoryPieceStore(layout, hashes, capacity, empty, 0);
  }

  /**
   * A new store holding what this one had synced: what a disk shows after the machine lost power.
   * This store is left as it is.
   */
  public synchronized MemoryPieceStore afterCrash() {
    return new MemoryPieceStore(layout, hashes, capacity, durable, clock + 1);
  }

  @Override
  public FileLayout layout() {
    return layout;
  }

  @Override
  public PieceHashes hashes() {
    return hashes;
  }

  @Override
  public synchronized void writeBlock(int piece, int offset, ByteBuffer data) {
    layout.checkRange(piece, offset, data.remaining());
    long position = layout.pieceStart(piece) + offset;
    long end = position + data.remaining();
    long growth = 0;
    for (int f = 0; f < files.length; f++) {
      long start = layout.fileStart(f);
      long last = Math.min(end, start + layout.fileLength(f));
      if (last > Math.max(position, start)) {
        growth += Math.max(0, last - start - files[f].size);
      }
    }
    if (used() + growth > capacity) {
      throw new StorageException(
          Reason.NO_SPACE,
          pathOf(layout.fileAt(position)),
          "cannot write '" + pathOf(layout.fileAt(position)) + "': no space left on device");
    }
    while (data.hasRemaining()) {
      int file = layout.fileAt(position);
      MemoryFile f = files[file];
      long inFile = position - layout.fileStart(file);
      int take = (int) Math.min(data.remaining(), layout.fileLength(file) - inFile);
      byte[] bytes = f.bytes(layout.fileLength(file));
      data.get(bytes, (int) inFile, take);
      f.exists = true;
      f.size = Math.max(f.size, inFile + take);
      f.modified = ++clock;
      f.dirty = true;
      position += take;
    }
  }

  @Override
  public synchronized void readBlock(int piece, int offset, ByteBuffer into) {
    layout.checkRange(piece, offset, into.remaining());
    long position = layout.pieceStart(piece) + offset;
    while (into.hasRemaining()) {
      int file = layout.fileAt(position);
      MemoryFile f = files[file];
      long inFile = position - layout.fileStart(file);
      int take = (int) Math.min(into.remaining(), layout.fileLength(file) - inFile);
      if (!f.exists || f.size < inFile + take) {
        throw new StorageException(
            Reason.MISSING,
            pathOf(file),
            "cannot read '" + pathOf(file) + "': it ends before byte " + (inFile + take));
      }
      into.put(f.bytes(layout.fileLength(file)), (int) inFile, take);
      position += take;
    }
  }

  @Override
  public synchronized boolean verifyPiece(int piece) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-1", e);
    }
    for (Span span : layout.pieceSpans(piece)) {
      MemoryFile f = files[span.file()];
      if (!f.exists || f.size < span.fileEnd()) {
        return false;
      }
      sha1.update(f.bytes(layout.fileLength(span.file())), (int) span.fileOffset(), span.length());
    }
    return hashes.matches(piece, sha1.digest());
  }

  @Override
  public synchronized void ensureFile(int file) {
    MemoryFile f = files[file];
    if (!f.exists) {
      f.exists = true;
      f.modified = ++clock;
      f.dirty = true;
    }
  }

  @Override
  public synchronized Optional<FileState> fileState(int file) {
    MemoryFile f = files[file];
    return f.exists ? Optional.of(new FileState(f.size, f.modified)) : Optional.empty();
  }

  @Override
  public synchronized void sync() {
    for (int i = 0; i < files.length; i++) {
      if (files[i].dirty) {
        files[i].dirty = false;
        durable[i] = files[i].copy();
      }
    }
  }

  @Override
  public synchronized void syncAll() {
    for (MemoryFile f : files) {
      f.dirty |= f.exists;
    }
    sync();
  }

  @Override
  public void close() {}

  /**
   * Changes file {@code file} behind the store's back, as another program would: {@code bytes} at
   * {@code offset}, or truncation to {@code truncateTo} if that is smaller than its size.
   */
  public synchronized void tamper(int file, long offset, byte[] bytes, long truncateTo) {
    MemoryFile f = files[file];
    byte[] data = f.bytes(layout.fileLength(file));
    System.arraycopy(bytes, 0, data, (int) offset, bytes.length);
    f.exists = true;
    f.size = Math.min(Math.max(f.size, offset + bytes.length), truncateTo);
    Arrays.fill(data, (int) f.size, data.length, (byte) 0);
    f.modified = ++clock;
    f.dirty = true;
  }

  /** Deletes file {@code file}, as another program would. */
  public synchronized void delete(int file) {
    files[file] = new MemoryFile();
    files[file].dirty = true;
  }

  private long used() {
    long sum = 0;
    for (MemoryFile f : files) {
      sum += f.size;
    }
    return sum;
  }

  private Path pathOf(int file) {
    return Path.of(layout.file(file).path().toString());
  }

  /** One file: its bytes (made on first use), whether it exists, how far it was written. */
  private static final class MemoryFile {
    byte @Nullable [] data;
    boolean exists;
    long size;
    long modified;
    boolean dirty;

    byte[] bytes(long length) {
      byte[] d = data;
      if (d == null) {
        d = new byte[(int) length];
        data = d;
      }
      return d;
    }

    MemoryFile copy() {
      MemoryFile c = new MemoryFile();
      c.data = data == null ? null : data.clone();
      c.exists = exists;
      c.size = size;
      c.modified = modified;
      return c;
    }
  }
}
