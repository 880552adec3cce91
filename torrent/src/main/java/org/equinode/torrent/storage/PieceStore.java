package org.equinode.torrent.storage;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.equinode.torrent.metainfo.PieceHashes;

/**
 * Reads and writes a torrent's bytes by piece, wherever they lie in its files, and checks pieces
 * against their SHA-1. Errors of the medium are {@link StorageException}s; a range outside a piece
 * is an {@link IndexOutOfBoundsException} (the caller checks peer input first).
 *
 * <h2>Concurrency</h2>
 *
 * <ul>
 *   <li>Every method may be called from any thread, at the same time as any other.
 *   <li>Writes to different ranges run in parallel (positional I/O, no lock held across it). Writes
 *       that overlap land in an unspecified order: the caller keeps one writer per block.
 *   <li>{@link #verifyPiece} sees every write that returned before it was called; a write to the
 *       same piece while it runs makes its answer meaningless. {@link TorrentStorage} rules that
 *       out; a caller of the store alone must do the same.
 *   <li>{@link #sync} makes durable every write that returned before it was called.
 * </ul>
 */
public interface PieceStore extends AutoCloseable {
  /** Where the pieces lie. */
  FileLayout layout();

  /** The SHA-1 each piece must have. */
  PieceHashes hashes();

  /**
   * Writes the remaining bytes of {@code data} into piece {@code piece} from {@code offset},
   * creating the files and folders they fall in as needed (sparse, never preallocated). On return
   * {@code data}'s position is its limit.
   *
   * @throws IndexOutOfBoundsException if the range is not inside the piece
   * @throws StorageException if the medium refuses
   */
  void writeBlock(int piece, int offset, ByteBuffer data);

  /**
   * Fills the remaining bytes of {@code into} with piece {@code piece} from {@code offset}.
   *
   * @throws IndexOutOfBoundsException if the range is not inside the piece
   * @throws StorageException {@link StorageException.Reason#MISSING} if a file is absent or too
   *     short, another reason if the medium refuses
   */
  void readBlock(int piece, int offset, ByteBuffer into);

  /**
   * Reads piece {@code piece} back and compares its SHA-1 with the torrent's. A piece whose data is
   * absent or short (a missing file, a file that ends too soon) fails.
   *
   * @return whether the piece is whole and right
   * @throws StorageException if the medium refuses in another way than a missing file
   */
  boolean verifyPiece(int piece);

  /**
   * Creates file {@code file}, empty, and its folders if it does not exist (a zero-length file has
   * no piece that would create it).
   *
   * @throws StorageException if the medium refuses
   */
  void ensureFile(int file);

  /**
   * The size and modification time of file {@code file}, or empty if there is no such file.
   *
   * @throws StorageException if something other than a regular file stands there, or its path would
   *     leave the store
   */
  Optional<FileState> fileState(int file);

  /**
   * Makes every write that returned before this call durable (fsync of each file written since the
   * last sync, and of the folders that got new entries).
   *
   * @throws StorageException if a file cannot be synced; those files are tried again next time
   */
  void sync();

  /**
   * Makes every existing file durable, written by this store or not: for data found on disk at
   * startup, which a crashed earlier run may have left in the page cache only.
   *
   * @throws StorageException if a file cannot be synced
   */
  void syncAll();

  /** Releases the open files; writes already done stay where they are (no sync). Idempotent. */
  @Override
  void close();
}
