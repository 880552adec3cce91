package org.equinode.torrent.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.equinode.common.TimeSource;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.jspecify.annotations.Nullable;

/**
 * One torrent's data as a download session sees it: blocks in, pieces verified, verified pieces
 * made durable and recorded, blocks out for uploading.
 *
 * <h2>Completion and durability</h2>
 *
 * A piece is <em>complete</em> once its data hashed right and is written ({@link #verifyAsync}
 * reads back written blocks, {@link #commitAsync} hashes a piece in memory before writing it); from
 * then on it may be announced and uploaded, and writes to it are ignored. It is <em>recorded</em>
 * once a checkpoint has synced (fsync) every file written before the piece was verified and then
 * written the resume file ({@link ResumeData}, atomically) listing it. Checkpoints are batched: one
 * runs when the complete-but-unrecorded pieces reach {@link StorageOptions#syncEveryBytes()} or the
 * oldest of them {@link StorageOptions#syncInterval()} (checked after each verification and by
 * {@link #checkpointIfDue()}, which the session calls now and then), and at {@link #close()}. A
 * crash loses at most the unrecorded pieces; it never makes a piece count that was not durable.
 *
 * <p>On {@link #open}, the resume file and the files decide what is complete (see {@link
 * StartupCheck}; {@link #startupReport()} tells what happened).
 *
 * <h2>Concurrency</h2>
 *
 * <ul>
 *   <li>{@link #writeBlock} from any number of threads at once (one per connection), for any
 *       pieces; a write to a piece that is complete or being verified returns false and writes
 *       nothing.
 *   <li>{@link #commitAsync} hashes a piece held in memory on the pool and writes it only if it is
 *       right; then as {@link #verifyAsync}.
 *   <li>{@link #verifyAsync} hashes on the pool given to {@link #open}; it waits for writes to that
 *       piece already under way, then blocks new ones until it is done. At most one verification of
 *       a piece at a time.
 *   <li>{@link #readBlock} of complete pieces only, from any thread.
 *   <li>Checkpoints run on the pool (or the caller of {@link #checkpoint}); one at a time, under a
 *       lock that only checkpoints take. Other state is guarded by a short lock never held across
 *       I/O.
 *   <li>{@link #open} hashes on the pool and waits: never call it from a pool thread.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * A {@link StorageException} (disk full, read-only folder, ...) is thrown to the caller and kept as
 * {@link #error()}: the session should pause the torrent, show it, and call {@link #clearError()}
 * when the user resumes. The storage stays consistent: a failed write leaves its piece incomplete,
 * a failed checkpoint leaves the previous record in place.
 */
public final class TorrentStorage implements AutoCloseable {
  private static final int WRITING_MAX = Integer.MAX_VALUE - 1;
  private static final int VERIFYING = -1;
  private static final int COMPLETE = -2;

  /** How long a verification sleeps between looks while a slow write to its piece finishes. */
  private static final long WAIT_NANOS = 50_000;

  private final InfoHash infoHash;
  private final FileLayout layout;
  private final PieceStore store;
  private final Path resumeFile;
  private final StorageOptions options;
  private final Executor pool;
  private final TimeSource time;
  private final StartupReport startup;

  /**
   * Per piece: the number of writes under way (0 or more), {@link #VERIFYING} or {@link #COMPLETE}.
   */
  private final AtomicIntegerArray states;

  private final ReentrantLock checkpointLock = new ReentrantLock();
  private final Object lock = new Object();
  private final BitSet complete;
  private final long[] fileDone;
  private volatile Selection selection;
  private PieceSet recorded;
  private long unrecordedBytes;
  private long oldestUnrecordedNanos;
  private @Nullable StorageException error;
  private volatile boolean closed;

  private TorrentStorage(
      InfoHash infoHash,
      PieceStore store,
      Path resumeFile,
      List<FilePriority> priorities,
      StorageOptions options,
      Executor pool,
      TimeSource time) {
    this.infoHash = infoHash;
    this.layout = store.layout();
    this.store = store;
    this.resumeFile = resumeFile;
    this.options = options;
    this.pool = pool;
    this.time = time;
    this.states = new AtomicIntegerArray(layout.pieceCount());
    this.selection = Selection.of(layout, priorities);
    this.fileDone = new long[layout.fileCount()];
    StartupCheck.Outcome outcome = StartupCheck.run(infoHash, store, resumeFile, pool);
    this.startup = outcome.report();
    this.complete = outcome.complete().toBitSet();
    for (int p = complete.nextSetBit(0); p >= 0; p = complete.nextSetBit(p + 1)) {
      states.set(p, COMPLETE);
      countDone(p);
    }
    createEmptyFiles(selection);
    if (startup.mode() == StartupReport.Mode.RESUMED) {
      this.recorded = outcome.complete();
    } else {
      this.recorded = PieceSet.none(layout.pieceCount());
      if (startup.mode() != StartupReport.Mode.FRESH) {
        store.syncAll(); // data found on disk may sit in the page cache of a crashed run
        record(outcome.complete());
      }
    }
  }

  /**
   * Opens the storage of torrent {@code infoHash} in {@code store}, with its resume data at {@code
   * resumeFile} and one priority per file, and establishes which pieces are complete (hashing on
   * {@code pool} as needed). Wanted zero-length files are created.
   *
   * @throws IllegalArgumentException if there is not one priority per file
   * @throws StorageException if the files or the resume file cannot be read, or a path is unsafe
   */
  public static TorrentStorage open(
      InfoHash infoHash,
      PieceStore store,
      Path resumeFile,
      List<FilePriority> priorities,
      StorageOptions options,
      Executor pool,
      TimeSource time) {
    return new TorrentStorage(infoHash, store, resumeFile, priorities, options, pool, time);
  }

  /**
   * Opens {@code info}'s files under {@code downloadFolder} ({@link DiskPieceStore}), with the
   * resume file {@code <info-hash hex>.resume} in {@code stateFolder}.
   *
   * @throws IllegalArgumentException if {@code stateFolder} is inside {@code downloadFolder}
   * @throws StorageException as {@link #open} and {@link DiskPieceStore#open} do
   */
  public static TorrentStorage openOnDisk(
      InfoDict info,
      Path downloadFolder,
      Path stateFolder,
      List<FilePriority> priorities,
      StorageOptions options,
      Executor pool,
      TimeSource time) {
    Path downloads = downloadFolder.toAbsolutePath().normalize();
    Path state = stateFolder.toAbsolutePath().normalize();
    if (state.startsWith(downloads)) {
      throw new IllegalArgumentException(
          "the state folder '"
              + state
              + "' must not be inside the download folder '"
              + downloads
              + "'");
    }
    DiskPieceStore store = DiskPieceStore.open(info, downloads, options);
    try {
      return open(
          info.hash(), store, resumeFileIn(state, info.hash()), priorities, options, pool, time);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The resume file of torrent {@code infoHash} in {@code stateFolder}. */
  public static Path resumeFileIn(Path stateFolder, InfoHash infoHash) {
    return stateFolder.resolve(infoHash.hex() + ".resume");
  }

  /** Where the pieces lie. */
  public FileLayout layout() {
    return layout;
  }

  /** What opening found. */
  public StartupReport startupReport() {
    return startup;
  }

  /** The pieces verified, recorded or not: what may be announced and uploaded. */
  public PieceSet completed() {
    synchronized (lock) {
      return PieceSet.of(layout.pieceCount(), complete);
    }
  }

  /** The pieces the resume file lists: verified and durable. */
  public PieceSet recorded() {
    synchronized (lock) {
      return recorded;
    }
  }

  /** Whether piece {@code piece} is verified. */
  public boolean isComplete(int piece) {
    return states.get(piece) == COMPLETE;
  }

  /**
   * Writes the remaining bytes of {@code data} into piece {@code piece} from {@code offset}, unless
   * the piece is complete or being verified.
   *
   * @return whether the bytes were written
   * @throws IndexOutOfBoundsException if the range is not inside the piece
   * @throws StorageException if the medium refuses (also kept as {@link #error()})
   */
  public boolean writeBlock(int piece, int offset, ByteBuffer data) {
    checkOpen();
    layout.checkRange(piece, offset, data.remaining());
    while (true) {
      int s = states.get(piece);
      if (s < 0) {
        return false;
      }
      if (s >= WRITING_MAX) {
        throw new IllegalStateException("too many writes at once to piece " + piece);
      }
      if (states.compareAndSet(piece, s, s + 1)) {
        break;
      }
    }
    try {
      store.writeBlock(piece, offset, data);
      return true;
    } catch (StorageException e) {
      noteError(e);
      throw e;
    } finally {
      states.decrementAndGet(piece);
    }
  }

  /**
   * Fills the remaining bytes of {@code into} with piece {@code piece} from {@code offset}.
   *
   * @throws IllegalStateException if the piece is not complete: unverified data is never uploaded
   * @throws StorageException if the data cannot be read (also kept as {@link #error()})
   */
  public void readBlock(int piece, int offset, ByteBuffer into) {
    checkOpen();
    layout.checkRange(piece, offset, into.remaining());
    if (!isComplete(piece)) {
      throw new IllegalStateException("piece " + piece + " is not complete");
    }
    try {
      store.readBlock(piece, offset, into);
    } catch (StorageException e) {
      noteError(e);
      throw e;
    }
  }

  /**
   * Hashes piece {@code piece} on the pool. True: the piece is complete (it was already, or it
   * hashed right). False: it failed, and may be written again. Completes exceptionally with a
   * {@link StorageException} if it could not be read (the piece may be written again then too).
   *
   * @throws IndexOutOfBoundsException if there is no such piece
   */
  public CompletableFuture<Boolean> verifyAsync(int piece) {
    checkOpen();
    layout.pieceSize(piece);
    return CompletableFuture.supplyAsync(() -> verify(piece), pool);
  }

  private boolean verify(int piece) {
    if (!claim(piece)) {
      return true;
    }
    boolean ok;
    try {
      ok = store.verifyPiece(piece);
    } catch (RuntimeException e) {
      states.set(piece, 0);
      if (e instanceof StorageException se) {
        noteError(se);
      }
      throw e;
    }
    if (!ok) {
      states.set(piece, 0);
      return false;
    }
    markComplete(piece);
    return true;
  }

  /**
   * Hashes piece {@code piece}, held whole in memory by {@code data} (its remaining bytes), on the
   * pool; if it matches, writes it with one positional write and makes it complete. True: the piece
   * is complete (it was already, or it hashed right and is written). False: it failed and nothing
   * was written. Completes exceptionally with a {@link StorageException} if the write failed (the
   * piece stays incomplete). {@code data} is only read, and not after the future completes.
   *
   * @throws IndexOutOfBoundsException if there is no such piece
   * @throws IllegalArgumentException if {@code data} is not the size of the piece
   */
  public CompletableFuture<Boolean> commitAsync(int piece, ByteBuffer data) {
    checkOpen();
    int size = layout.pieceSize(piece);
    if (data.remaining() != size) {
      throw new IllegalArgumentException(
          data.remaining() + " bytes for piece " + piece + " of " + size + " bytes");
    }
    return CompletableFuture.supplyAsync(() -> commit(piece, data.duplicate()), pool);
  }

  private boolean commit(int piece, ByteBuffer data) {
    if (!store.hashes().verify(piece, data.duplicate())) {
      return false;
    }
    if (!claim(piece)) {
      return true;
    }
    try {
      store.writeBlock(piece, 0, data);
    } catch (RuntimeException e) {
      states.set(piece, 0);
      if (e instanceof StorageException se) {
        noteError(se);
      }
      throw e;
    }
    markComplete(piece);
    return true;
  }

  /**
   * Takes piece {@code piece} for verification once the writes to it under way are done: false if
   * it is complete already.
   */
  private boolean claim(int piece) {
    for (int spins = 0; ; spins++) {
      int s = states.get(piece);
      if (s == COMPLETE) {
        return false;
      }
      if (s == VERIFYING) {
        throw new IllegalStateException("piece " + piece + " is already being verified");
      }
      if (s == 0 && states.compareAndSet(piece, 0, VERIFYING)) {
        return true;
      }
      if (spins < 100) {
        Thread.onSpinWait(); // a write under way: they take microseconds
      } else {
        LockSupport.parkNanos(WAIT_NANOS);
      }
    }
  }

  /** Piece {@code piece}, verified and written, becomes complete. Its state is VERIFYING. */
  private void markComplete(int piece) {
    synchronized (lock) {
      complete.set(piece);
      countDone(piece);
      if (unrecordedBytes == 0) {
        oldestUnrecordedNanos = time.nanoTime();
      }
      unrecordedBytes += layout.pieceSize(piece);
    }
    states.set(piece, COMPLETE);
    try {
      checkpointIfDue();
    } catch (StorageException e) {
      // Kept as error(); the piece itself is verified and stays complete.
    }
  }

  /**
   * Runs a checkpoint if the unrecorded pieces reached the size or age limit and none is running.
   *
   * @throws StorageException if the checkpoint fails (also kept as {@link #error()})
   */
  public void checkpointIfDue() {
    if (!closed && isDue() && checkpointLock.tryLock()) {
      try {
        if (!closed && isDue()) {
          runCheckpoint();
        }
      } finally {
        checkpointLock.unlock();
      }
    }
  }

  private boolean isDue() {
    synchronized (lock) {
      return unrecordedBytes > 0
          && (unrecordedBytes >= options.syncEveryBytes()
              || time.nanoTime() - oldestUnrecordedNanos >= options.syncInterval().toNanos());
    }
  }

  /**
   * Syncs the files written so far and records every piece complete now. Waits for a checkpoint
   * under way.
   *
   * @throws StorageException if a file cannot be synced or the resume file written; the previous
   *     record stays (also kept as {@link #error()})
   */
  public void checkpoint() {
    checkOpen();
    runCheckpoint();
  }

  private void runCheckpoint() {
    checkpointLock.lock();
    try {
      PieceSet snapshot;
      long covered;
      synchronized (lock) {
        snapshot = PieceSet.of(layout.pieceCount(), complete);
        covered = unrecordedBytes;
      }
      // Every piece in the snapshot was written before it was verified, so before this sync.
      store.sync();
      record(snapshot);
      synchronized (lock) {
        unrecordedBytes -= covered;
        if (unrecordedBytes > 0) {
          oldestUnrecordedNanos = time.nanoTime();
        }
      }
    } catch (StorageException e) {
      noteError(e);
      throw e;
    } finally {
      checkpointLock.unlock();
    }
  }

  /** Writes the resume file: {@code pieces} and each file's state now. */
  private void record(PieceSet pieces) {
    List<Optional<FileState>> files = new ArrayList<>(layout.fileCount());
    for (int f = 0; f < layout.fileCount(); f++) {
      files.add(store.fileState(f));
    }
    new ResumeData(infoHash, pieces, files).write(resumeFile);
    synchronized (lock) {
      recorded = pieces;
    }
  }

  /** Adds the bytes of piece {@code piece} to the files it touches. Under the lock. */
  private void countDone(int piece) {
    long position = layout.pieceStart(piece);
    long end = position + layout.pieceSize(piece);
    for (int f = layout.fileAt(position); position < end; f++) {
      long take = Math.min(end, layout.fileStart(f) + layout.fileLength(f)) - position;
      if (take > 0) {
        fileDone[f] += take;
        position += take;
      }
    }
  }

  /** Creates the wanted zero-length files: no piece would. */
  private void createEmptyFiles(Selection chosen) {
    for (int f = 0; f < layout.fileCount(); f++) {
      if (layout.fileLength(f) == 0 && chosen.file(f).isWanted()) {
        store.ensureFile(f);
      }
    }
  }

  /** Each file's priority, in torrent order. */
  public List<FilePriority> priorities() {
    return selection.files();
  }

  /**
   * Sets every file's priority. A skipped file is not created (nor deleted if it exists); one that
   * a wanted piece reaches gets that piece's bytes, sparse.
   *
   * @throws IllegalArgumentException if there is not one priority per file
   * @throws StorageException if a wanted zero-length file cannot be created
   */
  public void setPriorities(List<FilePriority> priorities) {
    checkOpen();
    Selection chosen = Selection.of(layout, priorities);
    synchronized (lock) {
      selection = chosen;
    }
    createEmptyFilesOrNote(chosen);
  }

  /** Sets the priority of file {@code file}, as {@link #setPriorities}. */
  public void setPriority(int file, FilePriority priority) {
    checkOpen();
    Selection chosen;
    synchronized (lock) {
      List<FilePriority> changed = new ArrayList<>(selection.files());
      changed.set(file, priority);
      chosen = Selection.of(layout, changed);
      selection = chosen;
    }
    createEmptyFilesOrNote(chosen);
  }

  private void createEmptyFilesOrNote(Selection chosen) {
    try {
      createEmptyFiles(chosen);
    } catch (StorageException e) {
      noteError(e);
      throw e;
    }
  }

  /** The pieces that touch a wanted file: what the session should download. */
  public PieceSet wantedPieces() {
    return selection.wanted();
  }

  /** The highest priority of the files piece {@code piece} touches. */
  public FilePriority piecePriority(int piece) {
    return selection.piece(piece);
  }

  /** How far the torrent is, now. */
  public Progress progress() {
    Selection chosen = selection;
    synchronized (lock) {
      List<Progress.FileProgress> files = new ArrayList<>(layout.fileCount());
      long completedBytes = 0;
      long wantedDone = 0;
      for (int f = 0; f < layout.fileCount(); f++) {
        FilePriority priority = chosen.file(f);
        files.add(
            new Progress.FileProgress(
                layout.file(f).path(), layout.fileLength(f), fileDone[f], priority));
        completedBytes += fileDone[f];
        if (priority.isWanted()) {
          wantedDone += fileDone[f];
        }
      }
      return new Progress(
          layout.totalLength(),
          chosen.wantedBytes(),
          completedBytes,
          wantedDone,
          layout.pieceCount(),
          chosen.wanted().count(),
          complete.cardinality(),
          files);
    }
  }

  /** The first storage error since the last {@link #clearError()}, if any. */
  public Optional<StorageException> error() {
    synchronized (lock) {
      return Optional.ofNullable(error);
    }
  }

  /** Forgets the kept error, once the user has fixed its cause and resumed the torrent. */
  public void clearError() {
    synchronized (lock) {
      error = null;
    }
  }

  private void noteError(StorageException e) {
    synchronized (lock) {
      if (error == null) {
        error = e;
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the storage of " + infoHash + " is closed");
    }
  }

  /**
   * Records what is complete (a last checkpoint) and closes the files. Idempotent. The session
   * stops writing and waits for its verifications first; later calls fail with {@link
   * IllegalStateException}.
   *
   * @throws StorageException if the last checkpoint fails; the files are closed all the same
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      runCheckpoint();
    } finally {
      store.close();
    }
  }

  @Override
  public String toString() {
    return "TorrentStorage[" + infoHash + ", " + completed() + "]";
  }
}
