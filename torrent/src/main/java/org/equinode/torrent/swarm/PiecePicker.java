package org.equinode.torrent.swarm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.equinode.torrent.PieceSet;
import org.jspecify.annotations.Nullable;

/**
 * Decides which blocks to request from which peer, for one torrent.
 *
 * <p>Order of picking for a peer: first the open blocks of pieces already being downloaded (so that
 * pieces complete and can be shared soon), then new pieces. New pieces are the rarest among the
 * connected peers, ties broken at random, except while we have fewer than {@link
 * #RANDOM_FIRST_PIECES} pieces: then a random piece, to have something to trade quickly (a rare
 * piece is slow to get). In sequential mode (streaming) the lowest-numbered needed piece comes
 * first, whatever its rarity. Only pieces the peer has and we want and do not have are picked.
 *
 * <p>Endgame: once every block of every needed piece has been requested, a peer may be asked for a
 * block that is already requested from others, up to {@link #MAX_REQUESTS_PER_BLOCK} peers per
 * block; when the block arrives, {@link Arrival.Accepted#cancels()} lists the other requests.
 *
 * <p>Requests go back to the open pool when a peer leaves, rejects them (fast extension), times out
 * or chokes us ({@link #release}). A piece that fails its hash check opens all its blocks again and
 * names the peers that sent them. The blocks of pieces that stop being wanted are kept; their
 * requests are returned for cancelling.
 *
 * <p>Not thread-safe: one torrent's owner thread (or lock) drives it.
 */
public final class PiecePicker {
  /** We pick random rather than rarest pieces until we have this many (as libtorrent does). */
  public static final int RANDOM_FIRST_PIECES = 4;

  /** In endgame, the most peers one block is requested from at the same time. */
  public static final int MAX_REQUESTS_PER_BLOCK = 3;

  private final PieceLayout layout;
  private final RandomGenerator random;
  private final BitSet have;
  private final BitSet wanted;
  private final BitSet needed;
  private final RarityOrder fresh;
  private final Map<Integer, PieceProgress> partial = new LinkedHashMap<>();

  /** The needed pieces in progress that still have open blocks, oldest first. */
  private final Map<Integer, PieceProgress> withOpenBlocks = new LinkedHashMap<>();

  private final Map<ConnectionId, PeerPieces> peers = new HashMap<>();
  private int seeds;
  private long openBlocks;
  private boolean sequential;

  /**
   * A picker for a torrent of {@code layout}, of which we already have {@code have} (verified, for
   * example on resume) and want {@code wanted} (all pieces, or those of the selected files).
   */
  public PiecePicker(PieceLayout layout, PieceSet have, PieceSet wanted, RandomGenerator random) {
    int count = layout.pieceCount();
    if (have.size() != count || wanted.size() != count) {
      throw new IllegalArgumentException(
          "sets over "
              + have.size()
              + " and "
              + wanted.size()
              + " pieces, the layout has "
              + count);
    }
    this.layout = layout;
    this.random = random;
    this.have = have.toBitSet();
    this.wanted = wanted.toBitSet();
    this.needed = wanted.toBitSet();
    needed.andNot(this.have);
    this.fresh = new RarityOrder(count);
    int[] shuffled = needed.stream().toArray();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    for (int piece : shuffled) {
      fresh.add(piece);
      openBlocks += layout.blockCount(piece);
    }
  }

  public PieceLayout layout() {
    return layout;
  }

  /** The pieces we have verified. */
  public PieceSet have() {
    return PieceSet.of(layout.pieceCount(), have);
  }

  public PieceSet wanted() {
    return PieceSet.of(layout.pieceCount(), wanted);
  }

  /** Whether every wanted piece is verified. */
  public boolean isFinished() {
    return needed.isEmpty();
  }

  /** Whether every block of every needed piece is requested or received. */
  public boolean inEndgame() {
    return openBlocks == 0 && !needed.isEmpty();
  }

  /** How many connected peers have {@code piece}. */
  public int availability(int piece) {
    checkPiece(piece);
    return fresh.availability(piece) + seeds;
  }

  /** Lowest-numbered needed piece first (for streaming) instead of rarest first. */
  public void setSequential(boolean sequential) {
    this.sequential = sequential;
  }

  public boolean isSequential() {
    return sequential;
  }

  /**
   * Changes the wanted pieces (selective download). Returns the outstanding requests of pieces no
   * longer wanted, which the session should cancel; their received blocks are kept.
   */
  public List<PeerRequest> setWanted(PieceSet newWanted) {
    if (newWanted.size() != layout.pieceCount()) {
      throw new IllegalArgumentException(
          "a set over " + newWanted.size() + " pieces, the layout has " + layout.pieceCount());
    }
    BitSet nowNeeded = newWanted.toBitSet();
    nowNeeded.andNot(have);
    BitSet leaving = (BitSet) needed.clone();
    leaving.andNot(nowNeeded);
    List<PeerRequest> cancels = new ArrayList<>();
    for (int piece = leaving.nextSetBit(0); piece >= 0; piece = leaving.nextSetBit(piece + 1)) {
      needed.clear(piece);
      PieceProgress progress = partial.get(piece);
      if (progress == null) {
        fresh.remove(piece);
        openBlocks -= layout.blockCount(piece);
      } else {
        openBlocks -= progress.openCount();
        withOpenBlocks.remove(piece);
        cancelAll(progress, cancels);
      }
    }
    BitSet entering = (BitSet) nowNeeded.clone();
    entering.andNot(needed);
    for (int piece = entering.nextSetBit(0); piece >= 0; piece = entering.nextSetBit(piece + 1)) {
      needed.set(piece);
      PieceProgress progress = partial.get(piece);
      if (progress == null) {
        fresh.add(piece);
        openBlocks += layout.blockCount(piece);
      } else {
        openBlocks += progress.openCount();
        track(progress);
      }
    }
    wanted.clear();
    wanted.or(newWanted.toBitSet());
    return cancels;
  }

  private void cancelAll(PieceProgress progress, List<PeerRequest> cancels) {
    for (int block = 0; block < progress.blockCount(); block++) {
      BlockRequest request = layout.block(progress.piece(), block);
      for (ConnectionId peer : List.copyOf(progress.requesters(block))) {
        peer(peer).outstanding.remove(request);
        progress.removeRequester(block, peer);
        cancels.add(new PeerRequest(peer, request));
      }
    }
    if (progress.isUntouched()) {
      forget(progress.piece());
    }
  }

  // ---- peers ------------------------------------------------------------------------------

  /** A peer connected and told us what it has (bitfield, have-all or have-none). */
  public void peerJoined(ConnectionId peer, PieceSet has) {
    if (has.size() != layout.pieceCount()) {
      throw new IllegalArgumentException(
          peer
              + " has a set over "
              + has.size()
              + " pieces, the layout has "
              + layout.pieceCount());
    }
    if (peers.containsKey(peer)) {
      throw new IllegalStateException(peer + " joined twice");
    }
    PeerPieces state = new PeerPieces(peer, has);
    peers.put(peer, state);
    if (state.isSeed()) {
      seeds++;
    } else {
      BitSet bits = state.pieces();
      for (int piece = bits.nextSetBit(0); piece >= 0; piece = bits.nextSetBit(piece + 1)) {
        fresh.increment(piece);
      }
    }
  }

  /**
   * A peer announced {@code piece} (a {@code have} message; the session checks the index against
   * {@link PieceLayout#pieceCount()} first). Returns whether it was news.
   */
  public boolean peerHave(ConnectionId peer, int piece) {
    checkPiece(piece);
    PeerPieces state = peer(peer);
    if (!state.add(piece)) {
      return false;
    }
    fresh.increment(piece);
    if (state.count() == layout.pieceCount()) {
      BitSet bits = state.pieces();
      for (int p = bits.nextSetBit(0); p >= 0; p = bits.nextSetBit(p + 1)) {
        fresh.decrement(p);
      }
      state.becomeSeed();
      seeds++;
    }
    return true;
  }

  /** A peer disconnected: its requests go back to the open pool. Returns them. */
  public List<BlockRequest> peerLeft(ConnectionId peer) {
    List<BlockRequest> released = release(peer);
    PeerPieces state = peers.remove(peer);
    if (state != null && state.isSeed()) {
      seeds--;
    } else if (state != null) {
      BitSet bits = state.pieces();
      for (int piece = bits.nextSetBit(0); piece >= 0; piece = bits.nextSetBit(piece + 1)) {
        fresh.decrement(piece);
      }
    }
    return released;
  }

  /** Whether the peer has a piece we want and do not have: whether to be interested in it. */
  public boolean isInteresting(ConnectionId peer) {
    PeerPieces state = peer(peer);
    return state.isSeed() ? !needed.isEmpty() : state.pieces().intersects(needed);
  }

  // ---- requests ---------------------------------------------------------------------------

  /** Up to {@code count} blocks to request from {@code peer}, now recorded as requested from it. */
  public List<BlockRequest> pick(ConnectionId peer, int count) {
    return pick(peer, count, null);
  }

  /**
   * Up to {@code count} blocks of {@code allowedFast} pieces only: what to request from a peer that
   * chokes us but allows those pieces (BEP 6).
   */
  public List<BlockRequest> pickAllowedFast(ConnectionId peer, int count, PieceSet allowedFast) {
    if (allowedFast.size() != layout.pieceCount()) {
      throw new IllegalArgumentException(
          "a set over " + allowedFast.size() + " pieces, the layout has " + layout.pieceCount());
    }
    return pick(peer, count, allowedFast);
  }

  private List<BlockRequest> pick(ConnectionId peer, int count, @Nullable PieceSet allowed) {
    PeerPieces state = peer(peer);
    List<BlockRequest> out = new ArrayList<>();
    if (count <= 0) {
      return out;
    }
    BlockSelection selection = new BlockSelection(this, state, count, allowed, random, out);
    if (sequential) {
      selection.lowestFirst();
    } else {
      selection.started();
      if (have.cardinality() < RANDOM_FIRST_PIECES) {
        selection.random();
      } else {
        selection.rarest();
      }
    }
    if (selection.wantsMore() && openBlocks == 0) {
      selection.endgame();
    }
    return out;
  }

  /** The blocks requested from {@code peer} and not yet arrived, oldest first. */
  public List<BlockRequest> outstanding(ConnectionId peer) {
    return List.copyOf(peer(peer).outstanding);
  }

  public int outstandingCount(ConnectionId peer) {
    return peer(peer).outstanding.size();
  }

  /**
   * Forgets every request to {@code peer}, as when it chokes us without the fast extension (the
   * requests are void then). Returns them.
   */
  public List<BlockRequest> release(ConnectionId peer) {
    PeerPieces state = peer(peer);
    List<BlockRequest> released = List.copyOf(state.outstanding);
    for (BlockRequest request : released) {
      drop(state, request);
    }
    return released;
  }

  /**
   * The peer rejected a request (BEP 6 {@code reject request}); false if it was not outstanding.
   */
  public boolean rejected(ConnectionId peer, BlockRequest request) {
    return drop(peer(peer), request);
  }

  /**
   * A request took too long: it goes back to the open pool so that another peer may be asked (the
   * session sends {@code cancel}). If the data still comes it is accepted while needed. Returns
   * false if the request was not outstanding.
   */
  public boolean timeout(ConnectionId peer, BlockRequest request) {
    return drop(peer(peer), request);
  }

  private boolean drop(PeerPieces state, BlockRequest request) {
    if (!state.outstanding.remove(request)) {
      return false;
    }
    int piece = request.piece();
    PieceProgress progress = partial.get(piece);
    if (progress == null) {
      throw new IllegalStateException("no progress for outstanding " + request);
    }
    if (progress.removeRequester(request.blockIndex(), state.id) && needed.get(piece)) {
      openBlocks++;
    }
    if (progress.isUntouched()) {
      forget(piece);
      if (needed.get(piece)) {
        fresh.add(piece);
      }
    } else {
      track(progress);
    }
    return true;
  }

  /**
   * The peer sent the data of {@code (piece, begin, length)}, as the {@code piece} message says.
   * Returns whether to write it and which duplicate requests to cancel.
   */
  public Arrival received(ConnectionId peer, int piece, int begin, int length) {
    PeerPieces state = peer(peer);
    if (!layout.isBlock(piece, begin, length)) {
      return new Arrival.Ignored(Arrival.Reason.NOT_A_BLOCK);
    }
    BlockRequest request = new BlockRequest(piece, begin, length);
    int block = request.blockIndex();
    drop(state, request);
    PieceProgress progress = partial.get(piece);
    if (!needed.get(piece) || (progress != null && progress.isReceived(block))) {
      return new Arrival.Ignored(Arrival.Reason.NOT_NEEDED);
    }
    if (progress == null) {
      progress = start(piece);
    }
    boolean wasOpen = progress.isOpen(block);
    List<PeerRequest> cancels = new ArrayList<>();
    for (ConnectionId other : progress.markReceived(block, peer)) {
      peer(other).outstanding.remove(request);
      cancels.add(new PeerRequest(other, request));
    }
    if (wasOpen) {
      openBlocks--;
    }
    track(progress);
    return new Arrival.Accepted(progress.isComplete(), cancels);
  }

  // ---- hash results -----------------------------------------------------------------------

  /** The complete piece passed its hash check: we have it. */
  public void pieceVerified(int piece) {
    completePiece(piece);
    forget(piece);
    have.set(piece);
    needed.clear(piece);
  }

  /** The complete piece failed its hash check: every block is open again. Returns who sent them. */
  public HashFailure pieceFailed(int piece) {
    PieceProgress progress = completePiece(piece);
    forget(piece);
    if (needed.get(piece)) {
      fresh.add(piece);
      openBlocks += progress.blockCount();
    }
    return new HashFailure(piece, progress.contributors());
  }

  private PieceProgress completePiece(int piece) {
    checkPiece(piece);
    PieceProgress progress = partial.get(piece);
    if (progress == null || !progress.isComplete()) {
      throw new IllegalStateException(
          "piece "
              + piece
              + " is not complete: "
              + (progress == null ? 0 : progress.receivedCount())
              + " of "
              + layout.blockCount(piece)
              + " blocks arrived");
    }
    return progress;
  }

  // ---- for BlockSelection ------------------------------------------------------------------

  boolean isNeeded(int piece) {
    return needed.get(piece);
  }

  BitSet needed() {
    return needed;
  }

  @Nullable PieceProgress progress(int piece) {
    return partial.get(piece);
  }

  /** The pieces being downloaded, oldest first. */
  Collection<PieceProgress> inProgress() {
    return partial.values();
  }

  /** A copy of the needed pieces in progress with open blocks, oldest first. */
  List<PieceProgress> withOpenBlocks() {
    return List.copyOf(withOpenBlocks.values());
  }

  /** The untouched needed pieces, by availability. */
  RarityOrder fresh() {
    return fresh;
  }

  /** Moves an untouched piece to the pieces in progress. */
  PieceProgress start(int piece) {
    fresh.remove(piece);
    PieceProgress progress = new PieceProgress(piece, layout.blockCount(piece));
    partial.put(piece, progress);
    track(progress);
    return progress;
  }

  /** Records a request of a block of a needed piece. */
  void requested(PeerPieces peer, PieceProgress progress, int block, BlockRequest request) {
    if (progress.addRequester(block, peer.id)) {
      openBlocks--;
      track(progress);
    }
    peer.outstanding.add(request);
  }

  /** Keeps {@link #withOpenBlocks} up to date after the piece's blocks changed. */
  private void track(PieceProgress progress) {
    int piece = progress.piece();
    if (progress.openCount() > 0 && needed.get(piece)) {
      withOpenBlocks.putIfAbsent(piece, progress);
    } else {
      withOpenBlocks.remove(piece);
    }
  }

  private void forget(int piece) {
    partial.remove(piece);
    withOpenBlocks.remove(piece);
  }

  /** The needed pieces with a block requested or received: for tests to check their model. */
  Set<Integer> startedPieces() {
    Set<Integer> out = new HashSet<>();
    for (int piece : partial.keySet()) {
      if (needed.get(piece)) {
        out.add(piece);
      }
    }
    return out;
  }

  /** Recounts everything kept incrementally; throws if a count went wrong. For tests. */
  void checkInvariants() {
    long open = 0;
    for (int piece = needed.nextSetBit(0); piece >= 0; piece = needed.nextSetBit(piece + 1)) {
      PieceProgress progress = partial.get(piece);
      open += progress == null ? layout.blockCount(piece) : progress.openCount();
      if (fresh.contains(piece) != (progress == null)) {
        throw new IllegalStateException("piece " + piece + " is both new and started, or neither");
      }
      boolean hasOpen = progress != null && progress.openCount() > 0;
      if (withOpenBlocks.containsKey(piece) != hasOpen) {
        throw new IllegalStateException("piece " + piece + " is mistracked as having open blocks");
      }
    }
    if (open != openBlocks || fresh.size() + withOpenBlocks.size() > needed.cardinality()) {
      throw new IllegalStateException(openBlocks + " open blocks counted, " + open + " found");
    }
    int requests = 0;
    for (PieceProgress progress : partial.values()) {
      if (progress.isUntouched()) {
        throw new IllegalStateException("untouched piece " + progress.piece() + " in progress");
      }
      for (int block = 0; block < progress.blockCount(); block++) {
        for (ConnectionId id : progress.requesters(block)) {
          requests++;
          if (!peer(id).outstanding.contains(layout.block(progress.piece(), block))) {
            throw new IllegalStateException(id + " is a requester without the request");
          }
        }
      }
    }
    int outstanding = peers.values().stream().mapToInt(p -> p.outstanding.size()).sum();
    if (requests != outstanding) {
      throw new IllegalStateException(outstanding + " outstanding, " + requests + " requesters");
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  private PeerPieces peer(ConnectionId peer) {
    PeerPieces state = peers.get(peer);
    if (state == null) {
      throw new IllegalStateException("unknown " + peer);
    }
    return state;
  }

  private void checkPiece(int piece) {
    if (piece < 0 || piece >= layout.pieceCount()) {
      throw new IllegalArgumentException(
          "piece " + piece + " is outside 0.." + (layout.pieceCount() - 1));
    }
  }
}
