package org.equinode.torrent.swarm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.torrent.PieceSet;
import org.jspecify.annotations.Nullable;

/**
 * One {@link PiecePicker#pick}: the peer, how many blocks it may be asked for, and the ways of
 * choosing them, which the picker applies in order until the count is reached.
 */
final class BlockSelection {
  /** A peer with fewer than 1/8 of the new pieces is served from its own piece list. */
  private static final int FEW_PIECES_RATIO = 8;

  private final PiecePicker picker;
  private final PeerPieces peer;
  private final int count;
  private final @Nullable PieceSet allowed;
  private final RandomGenerator random;
  private final List<BlockRequest> out;

  BlockSelection(
      PiecePicker picker,
      PeerPieces peer,
      int count,
      @Nullable PieceSet allowed,
      RandomGenerator random,
      List<BlockRequest> out) {
    this.picker = picker;
    this.peer = peer;
    this.count = count;
    this.allowed = allowed;
    this.random = random;
    this.out = out;
  }

  boolean wantsMore() {
    return out.size() < count;
  }

  private int missing() {
    return count - out.size();
  }

  /** Whether the peer may be asked for blocks of {@code piece}. */
  private boolean eligible(int piece) {
    return picker.isNeeded(piece)
        && peer.has(piece)
        && (allowed == null || allowed.contains(piece));
  }

  /** The open blocks of pieces already being downloaded, oldest piece first. */
  void started() {
    for (PieceProgress progress : picker.withOpenBlocks()) {
      if (!wantsMore()) {
        return;
      }
      if (progress.openCount() > 0 && eligible(progress.piece())) {
        takeOpen(progress);
      }
    }
  }

  /** Open blocks of the lowest-numbered needed pieces, started or not (streaming). */
  void lowestFirst() {
    var needed = picker.needed();
    for (int piece = needed.nextSetBit(0);
        piece >= 0 && wantsMore();
        piece = needed.nextSetBit(piece + 1)) {
      if (eligible(piece)) {
        PieceProgress progress = picker.progress(piece);
        takeOpen(progress == null ? picker.start(piece) : progress);
      }
    }
  }

  /** New pieces chosen uniformly at random. */
  void random() {
    RarityOrder fresh = picker.fresh();
    int[] candidates = new int[fresh.size()];
    int n = 0;
    for (int i = 0; i < fresh.size(); i++) {
      int piece = fresh.pieceAt(i);
      if (eligible(piece)) {
        candidates[n++] = piece;
      }
    }
    while (wantsMore() && n > 0) {
      int i = random.nextInt(n);
      int piece = candidates[i];
      candidates[i] = candidates[--n];
      takeOpen(picker.start(piece));
    }
  }

  /**
   * New pieces, rarest first, ties broken at random. A peer with few pieces is served from its own
   * pieces; otherwise the availability buckets are walked, each from a random point.
   */
  void rarest() {
    if (!wantsMore()) {
      return;
    }
    if (!peer.isSeed() && peer.count() < picker.fresh().size() / FEW_PIECES_RATIO) {
      rarestOfPeerPieces();
    } else {
      rarestByBuckets();
    }
  }

  private void rarestByBuckets() {
    RarityOrder fresh = picker.fresh();
    PieceLayout layout = picker.layout();
    List<Integer> chosen = new ArrayList<>();
    long blocks = 0;
    // Bucket 0 holds the pieces no peer but a seed has: only a seed can serve them.
    buckets:
    for (int bucket = peer.isSeed() ? 0 : 1; bucket < fresh.bucketCount(); bucket++) {
      int first = fresh.bucketStart(bucket);
      int length = fresh.bucketEnd(bucket) - first;
      if (length == 0) {
        continue;
      }
      int rotation = random.nextInt(length);
      for (int k = 0; k < length; k++) {
        int piece = fresh.pieceAt(first + (rotation + k) % length);
        if (eligible(piece)) {
          chosen.add(piece);
          blocks += layout.blockCount(piece);
          if (blocks >= missing()) {
            break buckets;
          }
        }
      }
    }
    // Taken after the walk: starting a piece reorders the buckets.
    for (int piece : chosen) {
      if (!wantsMore()) {
        return;
      }
      takeOpen(picker.start(piece));
    }
  }

  /** Rarest first among the peer's own new pieces: one pass per availability level used. */
  private void rarestOfPeerPieces() {
    RarityOrder fresh = picker.fresh();
    BitSet has = peer.pieces();
    int[] candidates = new int[peer.count()];
    int n = 0;
    for (int piece = has.nextSetBit(0); piece >= 0; piece = has.nextSetBit(piece + 1)) {
      if (fresh.contains(piece) && eligible(piece)) {
        candidates[n++] = piece;
      }
    }
    while (wantsMore() && n > 0) {
      int min = Integer.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, fresh.availability(candidates[i]));
      }
      // Move the rarest to the front, then take them in random order.
      int rarest = 0;
      for (int i = 0; i < n; i++) {
        if (fresh.availability(candidates[i]) == min) {
          int t = candidates[rarest];
          candidates[rarest++] = candidates[i];
          candidates[i] = t;
        }
      }
      while (wantsMore() && rarest > 0) {
        int i = random.nextInt(rarest);
        int piece = candidates[i];
        candidates[i] = candidates[--rarest];
        candidates[rarest] = candidates[--n];
        takeOpen(picker.start(piece));
      }
    }
  }

  /**
   * Blocks already requested from other peers (and not from this one), those asked of the fewest
   * peers first, up to {@link PiecePicker#MAX_REQUESTS_PER_BLOCK} peers per block.
   */
  void endgame() {
    for (int asked = 1; asked < PiecePicker.MAX_REQUESTS_PER_BLOCK && wantsMore(); asked++) {
      for (PieceProgress progress : picker.inProgress()) {
        if (progress.isComplete() || !eligible(progress.piece())) {
          continue; // a piece whose blocks all arrived waits for its hash check: nothing to ask
        }
        for (int block = 0; block < progress.blockCount() && wantsMore(); block++) {
          List<ConnectionId> askedFrom = progress.requesters(block);
          if (!progress.isReceived(block)
              && askedFrom.size() == asked
              && !askedFrom.contains(peer.id)) {
            take(progress, block);
          }
        }
        if (!wantsMore()) {
          return;
        }
      }
    }
  }

  private void takeOpen(PieceProgress progress) {
    for (int block = 0; block < progress.blockCount() && wantsMore(); block++) {
      if (progress.openCount() == 0) {
        return;
      }
      if (progress.isOpen(block)) {
        take(progress, block);
      }
    }
  }

  private void take(PieceProgress progress, int block) {
    BlockRequest request = picker.layout().block(progress.piece(), block);
    picker.requested(peer, progress, block, request);
    out.add(request);
  }
}
