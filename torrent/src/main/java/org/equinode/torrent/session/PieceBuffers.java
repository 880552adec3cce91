package org.equinode.torrent.session;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.equinode.torrent.swarm.PieceLayout;

/**
 * The pieces of one torrent being put together in memory: each piece under way gets a direct buffer
 * when its first block is accepted, the blocks are copied into it as they arrive, and the whole
 * piece is hashed from memory and written with one positional write ({@link
 * org.equinode.torrent.storage.TorrentStorage#commitAsync}). Buffers come back when the piece is
 * verified or failed, and the most recent {@link #KEPT_FREE} are reused.
 *
 * <p>The memory is bounded ({@link #MAX_BYTES} in a session): a piece started while the buffers
 * held reach it goes to disk block by block instead ({@link #isOnDisk}), as every piece did before,
 * so that a reader never waits for a buffer that only other pieces' blocks could free.
 *
 * <p>Guarded by the torrent's lock, except an {@link Assembly}'s {@code put} and {@code
 * blockArrived}, which reader threads call after it, each for the blocks the picker gave them.
 */
final class PieceBuffers {
  /** The most bytes of piece buffers one torrent holds at once. */
  static final long MAX_BYTES = 128L * 1024 * 1024;

  /** Free buffers kept for the next pieces. */
  static final int KEPT_FREE = 8;

  /** One piece being put together: its buffer and how many of its blocks have been copied in. */
  static final class Assembly {
    final int piece;
    private final ByteBuffer buffer;
    private final int blockCount;
    private final AtomicInteger arrived = new AtomicInteger();

    private Assembly(int piece, ByteBuffer buffer, int blockCount) {
      this.piece = piece;
      this.buffer = buffer;
      this.blockCount = blockCount;
    }

    /** Copies the remaining bytes of {@code block} to offset {@code begin}; leaves it as it was. */
    void put(int begin, ByteBuffer block) {
      buffer.put(begin, block, block.position(), block.remaining());
    }

    /**
     * Counts a block copied in; true for the last one, whose caller then owns the whole piece (the
     * count orders every earlier copy before it).
     */
    boolean blockArrived() {
      return arrived.incrementAndGet() == blockCount;
    }

    /** The whole piece, once every block has arrived: a read-only view. */
    ByteBuffer data() {
      return buffer.asReadOnlyBuffer().clear().limit(buffer.limit());
    }
  }

  private final PieceLayout layout;
  private final long maxBytes;
  private final Map<Integer, Assembly> under = new HashMap<>();
  private final BitSet onDisk = new BitSet();
  private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
  private long bytesHeld;

  /** Buffers for {@code layout}'s pieces, at most {@code maxBytes} of them held at once. */
  PieceBuffers(PieceLayout layout, long maxBytes) {
    this.layout = layout;
    this.maxBytes = maxBytes;
  }

  /**
   * The assembly that a just-accepted block of {@code piece} goes into: the piece's current one, or
   * a new one if the piece has none and the memory bound allows; empty if the piece goes to disk
   * (from now until it is {@link #finished}).
   */
  Optional<Assembly> claim(int piece) {
    Assembly current = under.get(piece);
    if (current != null) {
      return Optional.of(current);
    }
    if (onDisk.get(piece) || bytesHeld + layout.pieceLength() > maxBytes) {
      onDisk.set(piece);
      return Optional.empty();
    }
    ByteBuffer buffer = free.poll();
    if (buffer == null) {
      buffer = ByteBuffer.allocateDirect(layout.pieceLength());
    }
    buffer.clear().limit(layout.pieceSize(piece));
    bytesHeld += buffer.capacity();
    Assembly assembly = new Assembly(piece, buffer, layout.blockCount(piece));
    under.put(piece, assembly);
    return Optional.of(assembly);
  }

  /**
   * The whole of {@code piece} as put together so far, a read-only view, if it has a buffer; valid
   * until {@link #finished}.
   */
  Optional<ByteBuffer> data(int piece) {
    Assembly assembly = under.get(piece);
    return assembly == null ? Optional.empty() : Optional.of(assembly.data());
  }

  /** Whether the current download of {@code piece} goes to disk block by block. */
  boolean isOnDisk(int piece) {
    return onDisk.get(piece);
  }

  /**
   * The current download of {@code piece} is over (verified, failed, or abandoned): its buffer is
   * free again. The caller is done with it.
   */
  void finished(int piece) {
    onDisk.clear(piece);
    Assembly assembly = under.remove(piece);
    if (assembly != null) {
      bytesHeld -= assembly.buffer.capacity();
      if (free.size() < KEPT_FREE) {
        free.push(assembly.buffer);
      }
    }
  }

  /** The bytes of buffers held by pieces under way. */
  long bytesHeld() {
    return bytesHeld;
  }
}
