package org.equinode.torrent.session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.peer.BlockRequest;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.PeerMessage;
import org.equinode.torrent.peer.PeerWireException;
import org.equinode.torrent.storage.StorageException;
import org.equinode.torrent.swarm.Arrival;
import org.equinode.torrent.swarm.ConnectionId;
import org.equinode.torrent.swarm.HashFailure;
import org.equinode.torrent.swarm.PeerRequest;
import org.equinode.torrent.swarm.PieceLayout;

/**
 * Blocks in and out for one torrent. In: a block the picker accepts is copied into its piece's
 * buffer ({@link PieceBuffers}); the reader that copies the last one hands the piece to the pool,
 * where it is hashed and, if right, written (the reader waits for room, see {@link
 * Content#MAX_PIECES_COMMITTING}). A piece that did not fit in memory goes to disk block by block
 * ({@link Content#MAX_BLOCKS_IN_FLIGHT}) and is verified on the pool once every block is written; a
 * verified piece is announced to every peer, a failed one reopened and its sender banned (the sole
 * sender at once, the senders of wrong blocks once the piece is downloaded right: {@link
 * BlockOrigins}). Out: requests of unchoked peers for verified pieces are read on the pool and
 * queued.
 */
final class Transfers {
  /** After a peer rejects a request it is not asked again for this long. */
  static final long PAUSE_AFTER_REJECT_NANOS = 1_000_000_000L;

  /**
   * Requests are topped up once this share of the target is missing (1/8), so that a fast peer gets
   * them in batches rather than one per block.
   */
  static final int REFILL_FRACTION = 8;

  private final PieceExchange exchange;

  Transfers(PieceExchange exchange) {
    this.exchange = exchange;
  }

  // ---- requests we send ---------------------------------------------------------------------

  /** Sends the peer requests up to its target. Under the lock; the caller checked eligibility. */
  void request(Content ct, Peer peer, Outbox out, long now) {
    int target =
        peer.snubbed
            ? 1
            : peer.requestLimit(
                exchange.settings.requests().size(peer.received.bytesPerSecond(now)));
    int outstanding = ct.picker.outstandingCount(peer.id);
    int deficit = target - outstanding;
    if (deficit <= 0 || (outstanding > 0 && deficit < Math.max(1, target / REFILL_FRACTION))) {
      return;
    }
    List<org.equinode.torrent.swarm.BlockRequest> picked = ct.picker.pick(peer.id, deficit);
    if (outstanding == 0 && !picked.isEmpty()) {
      peer.lastProgressNanos = now;
    }
    for (org.equinode.torrent.swarm.BlockRequest block : picked) {
      out.add(peer, new PeerMessage.Request(wire(block)));
    }
  }

  /** The peer sent nothing for too long: its requests go to others, it gets one at a time. */
  void timedOut(Content ct, Peer peer, Outbox out, long now) {
    for (org.equinode.torrent.swarm.BlockRequest block : ct.picker.outstanding(peer.id)) {
      ct.picker.timeout(peer.id, block);
      out.add(peer, new PeerMessage.Cancel(wire(block)));
    }
    peer.snubbed = true;
    peer.lastProgressNanos = now;
  }

  void rejected(Peer peer, BlockRequest block) {
    Outbox out = new Outbox();
    exchange.lock.lock();
    try {
      Content ct = exchange.content();
      if (ct != null
          && peer.joined
          && ct.layout.isBlock(block.piece(), block.begin(), block.length())
          && ct.picker.rejected(peer.id, swarm(block))) {
        long now = exchange.now();
        peer.rejectedAt = now;
        exchange.fillAll(out, now);
      }
    } finally {
      exchange.lock.unlock();
    }
    out.send();
  }

  // ---- blocks we receive --------------------------------------------------------------------

  void blockArrived(Peer peer, PeerMessage.Piece piece) {
    ByteBuffer data = piece.data();
    int length = data.remaining();
    Outbox out = new Outbox();
    Content ct = exchange.content();
    boolean accepted = false;
    PieceBuffers.Assembly assembly = null;
    exchange.lock.lock();
    try {
      long now = exchange.now();
      peer.received.add(length, now);
      exchange.received.add(length, now);
      if (ct == null || !peer.joined) {
        return;
      }
      peer.lastProgressNanos = now;
      peer.snubbed = false;
      switch (ct.picker.received(peer.id, piece.piece(), piece.begin(), length)) {
        case Arrival.Accepted a -> {
          accepted = true;
          assembly = ct.buffers.claim(piece.piece()).orElse(null);
          int block = piece.begin() / PieceLayout.BLOCK_LENGTH;
          if (assembly != null) {
            ct.origins.record(piece.piece(), block, peer.id); // summed only if the piece fails
          } else {
            ct.origins.record(piece.piece(), block, peer.id, BlockOrigins.crc(data));
          }
          for (PeerRequest cancel : a.cancels()) {
            Peer other = exchange.peerById(cancel.peer());
            if (other != null) {
              out.add(other, new PeerMessage.Cancel(wire(cancel.block())));
            }
          }
        }
        case Arrival.Ignored i -> {
          if (i.reason() == Arrival.Reason.NOT_A_BLOCK) {
            throw new PeerWireException(
                CloseReason.PROTOCOL_VIOLATION, "sent " + piece + ", which is not a block");
          }
        }
      }
      exchange.fill(peer, out, now);
    } finally {
      exchange.lock.unlock();
    }
    out.send();
    if (assembly != null && ct != null) {
      assembly.put(piece.begin(), data);
      if (assembly.blockArrived()) {
        commit(ct, assembly);
      }
    } else if (accepted && ct != null) {
      // The reader reuses its buffer (PeerListener.keepsBlocks): the pool gets a copy.
      ByteBuffer copy = ByteBuffer.allocate(length).put(data).flip();
      write(ct, piece.piece(), piece.begin(), copy);
    }
    exchange.throttleDownload(length);
  }

  private void write(Content ct, int piece, int begin, ByteBuffer data) {
    try {
      ct.writeSlots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // only a closing session interrupts; the piece is fetched again next time
    }
    boolean queued =
        exchange.onPool(
            () -> {
              try {
                ct.storage.writeBlock(piece, begin, data);
              } catch (StorageException e) {
                exchange.fail("cannot write piece " + piece + ": " + e.getMessage(), e);
                return;
              } catch (IllegalStateException e) {
                return; // the storage is closed: the session is closing
              } finally {
                ct.writeSlots.release();
              }
              if (ct.written.incrementAndGet(piece) == ct.layout.blockCount(piece)) {
                verify(ct, piece);
              }
            });
    if (!queued) {
      ct.writeSlots.release();
    }
  }

  /** Every block of the piece is in its buffer: hashed, and written if right, on the pool. */
  private void commit(Content ct, PieceBuffers.Assembly assembly) {
    try {
      ct.commitSlots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // only a closing session interrupts
    }
    CompletableFuture<Boolean> check;
    try {
      check = ct.storage.commitAsync(assembly.piece, assembly.data());
    } catch (IllegalStateException | RejectedExecutionException e) {
      ct.commitSlots.release();
      return; // the storage or the pool is closed: the session is closing
    }
    var unused = check.whenComplete((ok, failure) -> ct.commitSlots.release());
    checked(ct, assembly.piece, check);
  }

  private void verify(Content ct, int piece) {
    CompletableFuture<Boolean> check;
    try {
      check = ct.storage.verifyAsync(piece);
    } catch (IllegalStateException e) {
      return; // closed
    }
    checked(ct, piece, check);
  }

  private void checked(Content ct, int piece, CompletableFuture<Boolean> check) {
    exchange.verifying.incrementAndGet();
    var unused =
        check.whenComplete(
            (ok, failure) -> {
              exchange.verifying.decrementAndGet();
              if (failure != null) {
                release(ct, piece);
                exchange.fail("cannot check piece " + piece + ": " + failure.getMessage(), failure);
              } else {
                verified(ct, piece, ok);
              }
            });
  }

  private void verified(Content ct, int piece, boolean ok) {
    Outbox out = new Outbox();
    List<BlockOrigins.Round> failedBefore = List.of();
    boolean finished = false;
    exchange.lock.lock();
    try {
      long now = exchange.now();
      if (!ok) {
        ct.origins.failed(piece, ct.buffers.data(piece)); // before its buffer is reused
      }
      ct.buffers.finished(piece);
      if (ok) {
        ct.picker.pieceVerified(piece);
        failedBefore = ct.origins.verified(piece);
        for (Peer peer : exchange.peers()) {
          out.add(peer, new PeerMessage.Have(piece));
          exchange.availability.updateInterest(ct, peer, out);
        }
        finished = ct.picker.isFinished();
      } else {
        ct.written.set(piece, 0);
        HashFailure failure = ct.picker.pieceFailed(piece);
        failure
            .soleContributor()
            .ifPresent(
                id ->
                    exchange.ban(id, "sent piece " + piece + ", which failed its hash check", out));
        exchange.fillAll(out, now);
      }
    } finally {
      exchange.lock.unlock();
    }
    out.send();
    if (!failedBefore.isEmpty()) {
      List<BlockOrigins.Round> rounds = failedBefore;
      exchange.onPool(() -> banWrongSenders(ct, piece, rounds));
    }
    if (finished) {
      exchange.finish();
    }
  }

  private void release(Content ct, int piece) {
    exchange.lock.lock();
    try {
      ct.buffers.finished(piece);
    } finally {
      exchange.lock.unlock();
    }
  }

  /** Compares the blocks of a piece that failed before with the verified ones. On the pool. */
  private void banWrongSenders(Content ct, int piece, List<BlockOrigins.Round> rounds) {
    Set<ConnectionId> culprits;
    try {
      culprits =
          BlockOrigins.culprits(
              rounds,
              block -> {
                org.equinode.torrent.swarm.BlockRequest b = ct.layout.block(piece, block);
                ByteBuffer good = ByteBuffer.allocate(b.length());
                ct.storage.readBlock(piece, b.begin(), good);
                return BlockOrigins.crc(good.flip());
              });
    } catch (RuntimeException e) {
      return; // the storage failed or closed: nobody is banned on a guess
    }
    Outbox out = new Outbox();
    exchange.lock.lock();
    try {
      for (ConnectionId id : culprits) {
        exchange.ban(id, "sent wrong data for piece " + piece, out);
      }
    } finally {
      exchange.lock.unlock();
    }
    out.send();
  }

  // ---- blocks we send -----------------------------------------------------------------------

  void requested(Peer peer, BlockRequest block) {
    Outbox out = new Outbox();
    Content ct = exchange.content();
    boolean serve = false;
    long wait = 0;
    exchange.lock.lock();
    try {
      if (ct != null) {
        if (block.begin() + block.length() > ct.layout.pieceSize(block.piece())) {
          throw new PeerWireException(
              CloseReason.PROTOCOL_VIOLATION, "asked for " + block + ", beyond the piece");
        }
        serve =
            !peer.amChoking
                && peer.uploads.size() < TorrentSession.MAX_UPLOADS_PER_PEER
                && ct.storage.isComplete(block.piece())
                && peer.uploads.add(block);
        if (serve) {
          // Charged under the lock that a choke drops (and refunds) the peer's uploads under:
          // a block is never refunded before it is charged.
          wait = exchange.uploadWait(block.length());
        }
      }
      if (!serve && peer.fast) {
        out.add(peer, new PeerMessage.RejectRequest(block));
      }
    } finally {
      exchange.lock.unlock();
    }
    out.send();
    if (serve && ct != null) {
      if (wait == 0) {
        if (!exchange.onPool(() -> upload(ct, peer, block))) {
          cancelled(peer, block);
        }
      } else {
        // Within the rate limits: the block stays among the peer's uploads (bounded by
        // MAX_UPLOADS_PER_PEER; a choke or cancel drops it) and is read when its turn comes.
        uploadLater(ct, peer, block, wait);
      }
    }
  }

  private void uploadLater(Content ct, Peer peer, BlockRequest block, long waitNanos) {
    try {
      var unused =
          exchange.timer.schedule(
              () -> {
                if (!exchange.onPool(() -> upload(ct, peer, block))) {
                  cancelled(peer, block);
                }
              },
              waitNanos,
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      cancelled(peer, block); // the engine is closing
    }
  }

  private void upload(Content ct, Peer peer, BlockRequest block) {
    exchange.lock.lock();
    try {
      if (!peer.uploads.remove(block)) {
        return; // cancelled, or the peer was choked meanwhile
      }
    } finally {
      exchange.lock.unlock();
    }
    ByteBuffer data = ByteBuffer.allocate(block.length());
    try {
      ct.storage.readBlock(block.piece(), block.begin(), data);
    } catch (StorageException e) {
      exchange.fail("cannot read piece " + block.piece() + ": " + e.getMessage(), e);
      return;
    } catch (IllegalStateException e) {
      return; // closed
    }
    data.flip();
    if (!peer.connection.send(new PeerMessage.Piece(block.piece(), block.begin(), data))) {
      exchange.refundUpload(block.length()); // the connection closed meanwhile
    } else {
      exchange.lock.lock();
      try {
        long now = exchange.now();
        peer.sent.add(block.length(), now);
        exchange.sent.add(block.length(), now);
      } finally {
        exchange.lock.unlock();
      }
    }
  }

  /**
   * The peer cancelled a request (or it could not be scheduled): if it was still waiting, it is
   * dropped and its upload tokens given back. Uploads are charged when a request is accepted (the
   * reservation says how long it waits) and refunded whenever one leaves {@code uploads} unsent, so
   * what the limits count is what was sent.
   */
  void cancelled(Peer peer, BlockRequest block) {
    exchange.lock.lock();
    try {
      if (peer.uploads.remove(block)) {
        exchange.refundUpload(block.length());
      }
    } finally {
      exchange.lock.unlock();
    }
  }

  /**
   * We choked the peer: its waiting requests are dropped (rejected, with BEP 6) and their upload
   * tokens given back. Under the lock.
   */
  void dropUploads(Peer peer, Outbox out) {
    if (peer.fast) {
      for (BlockRequest block : peer.uploads) {
        out.add(peer, new PeerMessage.RejectRequest(block));
      }
    }
    forgetUploads(peer);
  }

  /**
   * The peer's waiting requests will not be served: their upload tokens go back. Under the lock.
   */
  void forgetUploads(Peer peer) {
    long bytes = 0;
    for (BlockRequest block : peer.uploads) {
      bytes += block.length();
    }
    peer.uploads.clear();
    exchange.refundUpload(bytes);
  }

  static BlockRequest wire(org.equinode.torrent.swarm.BlockRequest block) {
    return new BlockRequest(block.piece(), block.begin(), block.length());
  }

  static org.equinode.torrent.swarm.BlockRequest swarm(BlockRequest block) {
    return new org.equinode.torrent.swarm.BlockRequest(
        block.piece(), block.begin(), block.length());
  }
}
