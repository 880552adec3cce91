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

  /** Per piece, blocks written in the current download of it; verified when all are. */
  final AtomicIntegerArray written;

  final Semaphore writeSlots = new Semaphore(MAX_BLOCKS_IN_FLIGHT);

  Content(InfoDict info, TorrentStorage storage, RandomGenerator random) {
    this.info = info;
    this.storage = storage;
    this.layout = PieceLayout.of(info);
    int count = layout.pieceCount();
    this.picker = new PiecePicker(layout, storage.completed(), storage.wantedPieces(), random);
    this.origins = new BlockOrigins(layout);
    this.written = new AtomicIntegerArray(count);
  }

  int pieceCount() {
    return layout.pieceCount();
  }
}
