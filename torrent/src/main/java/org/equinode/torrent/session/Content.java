package org.equinode.torrent.session;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.random.RandomGenerator;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.storage.TorrentStorage;
import org.equinode.torrent.swarm.PieceLayout;
import org.equinode.torrent.swarm.PiecePicker;

/**
 * A torrent's pieces once its metadata is known: the storage, the picker, who sent which block, and
 * the blocks on their way to disk. The picker and origins are guarded by the torrent's lock; the
 * counters and the semaphore are thread-safe.
 */
final class Content {
  /**
   * Blocks handed to the disk pool and not yet written. A reader thread waits for room, which slows
   * the peer down through TCP instead of piling blocks up in memory.
   */
  static final int MAX_BLOCKS_IN_FLIGHT = 1024;

  final InfoDict info;
  final TorrentStorage storage;
  final PieceLayout layout;
  final PiecePicker picker;
  final BlockOrigins origins;

  /** Pieces being put together in memory; guarded by the torrent's lock. */
  final PieceBuffers buffers;

  /**
   * Per piece that goes to disk block by block ({@link PieceBuffers}), blocks written in the
   * current download of it; verified when all are.
   */
  final AtomicIntegerArray written;

  /**
   * Whole pieces handed to the pool to be hashed and written and not yet done. The reader that
   * completes a piece waits for room, as for {@link #MAX_BLOCKS_IN_FLIGHT}: hashing that falls
   * behind slows the peers down instead of filling {@link PieceBuffers#MAX_BYTES}.
   */
  static final int MAX_PIECES_COMMITTING = 8;

  final Semaphore writeSlots = new Semaphore(MAX_BLOCKS_IN_FLIGHT);
  final Semaphore commitSlots = new Semaphore(MAX_PIECES_COMMITTING);

  Content(InfoDict info, TorrentStorage storage, RandomGenerator random) {
    this.info = info;
    this.storage = storage;
    this.layout = PieceLayout.of(info);
    int count = layout.pieceCount();
    this.picker = new PiecePicker(layout, storage.completed(), storage.wantedPieces(), random);
    this.origins = new BlockOrigins(layout);
    this.buffers = new PieceBuffers(layout, PieceBuffers.MAX_BYTES);
    this.written = new AtomicIntegerArray(count);
  }

  int pieceCount() {
    return layout.pieceCount();
  }
}
