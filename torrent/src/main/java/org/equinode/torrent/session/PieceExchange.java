package org.equinode.torrent.session;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.Closed;
import org.equinode.torrent.peer.Handshake;
import org.equinode.torrent.peer.PeerConnection;
import org.equinode.torrent.peer.PeerListener;
import org.equinode.torrent.peer.PeerMessage;
import org.equinode.torrent.peer.PeerWireException;
import org.equinode.torrent.peer.extension.ExtendedHandshake;
import org.equinode.torrent.peer.extension.ExtensionIds;
import org.equinode.torrent.storage.TorrentStorage;
import org.equinode.torrent.swarm.ChokeDecision;
import org.equinode.torrent.swarm.Choker;
import org.equinode.torrent.swarm.ConnectionId;
import org.equinode.torrent.swarm.PeerSnapshot;
import org.equinode.torrent.swarm.RateMeter;
import org.jspecify.annotations.Nullable;

/**
 * The peers of one torrent and what passes between them: the {@link PeerListener} of every
 * connection. Connection bookkeeping, choking, interest and the tick live here; blocks in and out
 * in {@link Transfers}, the metadata of magnet links in {@link MetadataExchange}.
 *
 * <p>Threads (docs/concurrency.md): each connection's reader thread calls in; one lock guards the
 * peers, the picker and the choker, and is never held while a message is sent (an {@link Outbox}
 * collects them) nor during disk I/O, which runs on the pool.
 */
final class PieceExchange {
  /** Peers that left and may still be named by a hash failure. */
  static final int MAX_DEPARTED = 1024;

  /** How often closing looks whether verifications are done. */
  static final long CLOSE_POLL_MILLIS = 5;

  final ReentrantLock lock = new ReentrantLock();
  final InfoHash infoHash;
  final SessionSettings settings;
  final SessionEnvironment env;
  final PeerBook book;
  private final PeerId self;
  final Transfers transfers;
  final Availability availability;
  final MetadataExchange metadata;
  final RateMeter received;
  final RateMeter sent;

  /** The torrent's own rate limits. */
  final Throttle throttle = new Throttle();

  /** The engine's rate limits, shared by its torrents. */
  final Throttle engineThrottle;

  /** The engine's cap on connections, shared by its torrents. */
  final ConnectionSlots slots;

  /** The engine's timer: uploads held back by a rate limit wait on it. */
  final ScheduledExecutorService timer;

  final CompletableFuture<Void> done = new CompletableFuture<>();

  /** Pieces being verified: closing waits for them. */
  final AtomicInteger verifying = new AtomicInteger();

  private final Choker choker;
  private volatile OptionalInt listenPort = OptionalInt.empty();
  private final Map<PeerConnection, Peer> peers = new LinkedHashMap<>();
  private final Map<ConnectionId, Peer> byId = new HashMap<>();
  private final Map<ConnectionId, Peer> departed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ConnectionId, Peer> eldest) {
          return size() > MAX_DEPARTED;
        }
      };

  private long nextId;
  private volatile @Nullable Content content;
  private @Nullable String error;
  private boolean finished;
  private boolean closed;
  private boolean paused;
  private boolean sequential;

  PieceExchange(
      InfoHash infoHash,
      SessionSettings settings,
      SessionEnvironment env,
      PeerBook book,
      PeerId self,
      StorageOpener opener,
      Throttle engineThrottle,
      ConnectionSlots slots,
      ScheduledExecutorService timer) {
    this.timer = timer;
    this.infoHash = infoHash;
    this.engineThrottle = engineThrottle;
    this.slots = slots;
    this.settings = settings;
    this.env = env;
    this.book = book;
    this.self = self;
    this.choker = new Choker(settings.choker(), env.random());
    long now = env.time().nanoTime();
    this.received = RateMeter.startingAt(now);
    this.sent = RateMeter.startingAt(now);
    this.transfers = new Transfers(this);
    this.availability = new Availability(this);
    this.metadata = new MetadataExchange(this, opener);
  }

  long now() {
    return env.time().nanoTime();
  }

  /** The listener for a connection to or from {@code address}. */
  PeerListener listenerFor(InetSocketAddress address, boolean outgoing) {
    return new PeerListener() {
      // Set by onOpen; every callback runs on the connection's reader thread.
      private @Nullable Peer peer;

      @Override
      public void onOpen(PeerConnection connection, Handshake remote) {
        peer = opened(connection, remote, address, outgoing);
      }

      @Override
      public void onMessage(PeerConnection connection, PeerMessage message) {
        Peer known = peer;
        if (known != null) {
          dispatch(known, message);
        }
      }

      @Override
      public void onClose(PeerConnection connection, Closed how) {
        closedConnection(connection, how, address, outgoing);
      }

      @Override
      public boolean keepsBlocks() {
        return false; // Transfers copies each block it takes before returning
      }
    };
  }

  // ---- connections ------------------------------------------------------------------------

  /**
   * A connection is open: registers the peer and sends what opens the conversation (our pieces, our
   * extended handshake), then lets other threads talk to it. Until then ({@link Peer#ready})
   * nothing else may reach it: a {@code have} or an {@code interested} before our bitfield would
   * break the protocol. What changed in between is caught up with.
   */
  private @Nullable Peer opened(
      PeerConnection connection, Handshake remote, InetSocketAddress address, boolean outgoing) {
    Outbox out = new Outbox();
    Peer peer = null;
    BitSet announced = new BitSet();
    lock.lock();
    try {
      String refusal = refusal(remote, outgoing, out);
      if (!refusal.isEmpty()) {
        out.close(connection, CloseReason.CLOSED_LOCALLY, refusal);
      } else {
        peer =
            new Peer(
                new ConnectionId(nextId++), connection, remote.peerId(), address, outgoing, now());
        peers.put(connection, peer);
        byId.put(peer.id, peer);
        Content ct = content;
        if (ct != null) {
          connection.pieceCount(ct.pieceCount());
          announced = ct.storage.completed().toBitSet();
          ourPieces(ct, peer, out);
        } else if (peer.fast) {
          out.add(peer, new PeerMessage.HaveNone());
        }
        if (connection.negotiated().extensionProtocol()) {
          out.add(peer, ourHandshake(address));
        }
      }
    } finally {
      lock.unlock();
    }
    if (outgoing) {
      book.connected(address);
    }
    out.send();
    if (peer != null) {
      catchUp(peer, announced);
    }
    return peer;
  }

  /** Makes a peer whose opening messages left ready: what happened meanwhile is sent now. */
  private void catchUp(Peer peer, BitSet announced) {
    Outbox out = new Outbox();
    lock.lock();
    try {
      peer.ready = true;
      Content ct = content;
      if (ct != null) {
        peer.connection.pieceCount(ct.pieceCount());
        BitSet since = ct.storage.completed().toBitSet();
        since.andNot(announced);
        for (int p = since.nextSetBit(0); p >= 0; p = since.nextSetBit(p + 1)) {
          out.add(peer, new PeerMessage.Have(p));
        }
      }
      rechoke(out, now());
    } finally {
      lock.unlock();
    }
    out.send();
  }

  /** Peers may connect to us on {@code port}: our extended handshake says so from now on. */
  void listening(int port) {
    listenPort = OptionalInt.of(port);
  }

  /** Our extended handshake: extensions, name, port, queue, metadata size, the peer's address. */
  private PeerMessage.Extended ourHandshake(InetSocketAddress remote) {
    ExtendedHandshake ours =
        new ExtendedHandshake(
            ExtensionIds.LOCAL.byWireName(),
            Optional.of(settings.clientName()),
            listenPort,
            OptionalInt.of(ExtendedHandshake.OUR_REQUEST_QUEUE),
            metadata.infoSize(),
            Optional.ofNullable(remote.getAddress()));
    return new PeerMessage.Extended(PeerMessage.Extended.HANDSHAKE_ID, ours.encode());
  }

  private String refusal(Handshake remote, boolean outgoing, Outbox out) {
    if (closed) {
      return "the session is closing";
    }
    if (paused) {
      return "the torrent is paused";
    }
    if (book.isBanned(remote.peerId())) {
      return "banned";
    }
    for (Peer other : peers.values()) {
      if (other.peerId.equals(remote.peerId())) {
        if (!keepsNewer(other, remote.peerId(), outgoing)) {
          return "already connected to this peer as " + other.id;
        }
        out.close(
            other.connection, CloseReason.CLOSED_LOCALLY, "a duplicate of a newer connection");
      }
    }
    if (peers.size() >= settings.maxConnections()) {
      return "already " + peers.size() + " peers";
    }
    if (!slots.tryTake()) {
      return "already " + slots.max() + " peers across the engine";
    }
    return "";
  }

  /**
   * Two connections to one peer (each side called the other): both sides keep the one made by the
   * side with the lower peer id, so that they never close both. Two made the same way: the older.
   */
  private boolean keepsNewer(Peer older, PeerId remote, boolean newerOutgoing) {
    if (older.outgoing == newerOutgoing) {
      return false;
    }
    byte[] newerCaller = (newerOutgoing ? self : remote).toByteArray();
    byte[] olderCaller = (older.outgoing ? self : remote).toByteArray();
    return Arrays.compareUnsigned(newerCaller, olderCaller) < 0;
  }

  /** Tells a new peer what we have: bitfield, or have-all / have-none when both speak BEP 6. */
  private static void ourPieces(Content ct, Peer peer, Outbox out) {
    PieceSet have = ct.storage.completed();
    if (peer.fast && have.isEmpty()) {
      out.add(peer, new PeerMessage.HaveNone());
    } else if (peer.fast && have.isFull()) {
      out.add(peer, new PeerMessage.HaveAll());
    } else if (!have.isEmpty()) {
      out.add(peer, new PeerMessage.Bitfield(have));
    }
  }

  private void closedConnection(
      PeerConnection connection, Closed how, InetSocketAddress address, boolean outgoing) {
    Outbox out = new Outbox();
    boolean useful = false;
    lock.lock();
    try {
      Peer peer = peers.remove(connection);
      if (peer != null) {
        slots.release();
        byId.remove(peer.id);
        departed.put(peer.id, peer);
        useful = peer.received.total() > 0 || peer.sent.total() > 0 || peer.joined;
        Content ct = content;
        if (ct != null && peer.joined) {
          if (!ct.picker.peerLeft(peer.id).isEmpty()) {
            fillAll(out, now());
          }
        }
        metadata.peerLeft(peer, out);
        transfers.forgetUploads(peer);
        if (!peer.amChoking) {
          rechoke(out, now());
        }
      }
    } finally {
      lock.unlock();
    }
    out.send();
    if (how.reason() == CloseReason.SELF_CONNECTION) {
      book.excludeSelf(address);
    } else if (outgoing) {
      book.disconnected(address, !useful, now());
    }
  }

  // ---- messages ---------------------------------------------------------------------------

  private void dispatch(Peer peer, PeerMessage message) {
    switch (message) {
      case PeerMessage.Piece piece -> transfers.blockArrived(peer, piece);
      case PeerMessage.Request request -> transfers.requested(peer, request.block());
      case PeerMessage.Cancel cancel -> transfers.cancelled(peer, cancel.block());
      case PeerMessage.RejectRequest reject -> transfers.rejected(peer, reject.block());
      case PeerMessage.Have have -> availability.announced(peer, have.piece());
      case PeerMessage.Bitfield bitfield -> availability.announced(peer, bitfield.pieces(), false);
      case PeerMessage.HaveAll all -> availability.announced(peer, null, true);
      case PeerMessage.HaveNone none -> availability.announced(peer, null, false);
      case PeerMessage.Choke choke -> availability.choked(peer, true);
      case PeerMessage.Unchoke unchoke -> availability.choked(peer, false);
      case PeerMessage.Interested interested -> availability.interested(peer, true);
      case PeerMessage.NotInterested notInterested -> availability.interested(peer, false);
      case PeerMessage.Extended extended -> metadata.extended(peer, extended);
      case PeerMessage.KeepAlive k -> {}
      case PeerMessage.Port p -> {}
      case PeerMessage.SuggestPiece s -> {}
      case PeerMessage.AllowedFast a -> {}
    }
  }

  // ---- decisions under the lock -----------------------------------------------------------

  /** Tops up the requests outstanding at {@code peer}. Under the lock. */
  void fill(Peer peer, Outbox out, long now) {
    Content ct = content;
    if (ct == null
        || error != null
        || finished
        || closed
        || paused
        || peer.peerChoking
        || !peer.amInterested
        || !peer.joined
        || now - peer.rejectedAt < Transfers.PAUSE_AFTER_REJECT_NANOS) {
      return;
    }
    transfers.request(ct, peer, out, now);
  }

  void fillAll(Outbox out, long now) {
    for (Peer peer : peers()) {
      fill(peer, out, now);
    }
  }

  /** Lets the choker decide who we upload to; applies its decision. Under the lock. */
  void rechoke(Outbox out, long now) {
    List<PeerSnapshot> snapshot = new ArrayList<>(peers.size());
    for (Peer peer : peers()) {
      snapshot.add(
          new PeerSnapshot(
              peer.id,
              peer.peerInterested,
              peer.amChoking,
              peer.received.bytesPerSecond(now),
              peer.sent.bytesPerSecond(now),
              peer.connectedAt));
    }
    ChokeDecision decision = choker.rechoke(snapshot, now);
    for (ConnectionId id : decision.unchoke()) {
      Peer peer = byId.get(id);
      if (peer != null && peer.amChoking) {
        peer.amChoking = false;
        out.add(peer, new PeerMessage.Unchoke());
      }
    }
    for (ConnectionId id : decision.choke()) {
      Peer peer = byId.get(id);
      if (peer != null && !peer.amChoking) {
        peer.amChoking = true;
        out.add(peer, new PeerMessage.Choke());
        transfers.dropUploads(peer, out);
      }
    }
  }

  /** Bans the peer behind {@code id} (open or departed) and closes its connections. */
  void ban(ConnectionId id, String reason, Outbox out) {
    Peer peer = byId.get(id);
    if (peer == null) {
      peer = departed.get(id);
    }
    if (peer == null) {
      return;
    }
    book.ban(peer.address, peer.peerId);
    for (Peer other : peers.values()) {
      if (other.peerId.equals(peer.peerId)) {
        out.close(other.connection, CloseReason.PROTOCOL_VIOLATION, reason);
      }
    }
  }

  // ---- the torrent's state ----------------------------------------------------------------

  @Nullable Content content() {
    return content;
  }

  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  int peerCount() {
    lock.lock();
    try {
      return peers.size();
    } finally {
      lock.unlock();
    }
  }

  /** The storage is open: downloading starts with every peer connected so far. */
  void contentReady(InfoDict info, TorrentStorage storage) {
    Outbox out = new Outbox();
    boolean complete = false;
    boolean tooLate;
    lock.lock();
    try {
      tooLate = closed;
      if (!tooLate) {
        Content ct = new Content(info, storage, env.random());
        ct.picker.setSequential(sequential);
        content = ct;
        int count = ct.pieceCount();
        BitSet have = ct.storage.completed().toBitSet();
        for (Peer peer : peers()) {
          peer.connection.pieceCount(count);
          for (int p = have.nextSetBit(0); p >= 0; p = have.nextSetBit(p + 1)) {
            out.add(peer, new PeerMessage.Have(p));
          }
          try {
            availability.join(ct, peer, Availability.announcedBefore(peer, count), out);
          } catch (PeerWireException e) {
            out.close(peer.connection, e.reason(), String.valueOf(e.getMessage()));
          }
        }
        complete = ct.picker.isFinished();
      }
    } finally {
      lock.unlock();
    }
    if (tooLate) {
      storage.close();
      return;
    }
    out.send();
    if (complete) {
      finish();
    }
  }

  /** Every wanted piece is verified: stop asking, say so, leave other seeds. */
  void finish() {
    Outbox out = new Outbox();
    lock.lock();
    try {
      if (finished) {
        return;
      }
      finished = true;
      Content ct = content;
      for (Peer peer : peers()) {
        if (peer.amInterested) {
          peer.amInterested = false;
          out.add(peer, new PeerMessage.NotInterested());
        }
        if (peer.hasAll && ct != null) {
          out.close(peer.connection, CloseReason.CLOSED_LOCALLY, "both of us are seeds");
        }
      }
    } finally {
      lock.unlock();
    }
    out.send();
    done.complete(null);
  }

  /** Whether we still want pieces: not finished, no error. Under the lock. */
  boolean wantsPieces() {
    return !finished && error == null;
  }

  /** Whether every wanted piece is verified. Under the lock. */
  boolean finishedLocked() {
    return finished;
  }

  boolean isFinished() {
    lock.lock();
    try {
      return finished;
    } finally {
      lock.unlock();
    }
  }

  /** Stops the torrent on an error it cannot go on with (disk full, bad metadata). */
  void fail(String message, Throwable cause) {
    lock.lock();
    try {
      if (error == null) {
        error = message;
      }
    } finally {
      lock.unlock();
    }
    done.completeExceptionally(new SessionException(message, cause));
  }

  Optional<String> error() {
    lock.lock();
    try {
      return Optional.ofNullable(error);
    } finally {
      lock.unlock();
    }
  }

  // ---- pausing, order, limits --------------------------------------------------------------

  /**
   * Pauses or resumes the torrent. Pausing closes every connection and refuses new ones; the
   * storage stays open, blocks already received are still written and verified.
   */
  void setPaused(boolean pause) {
    List<PeerConnection> connections;
    lock.lock();
    try {
      paused = pause;
      connections = pause ? new ArrayList<>(peers.keySet()) : List.of();
    } finally {
      lock.unlock();
    }
    for (PeerConnection connection : connections) {
      connection.close(CloseReason.CLOSED_LOCALLY, "the torrent is paused");
    }
    if (!pause) {
      book.retrySoon(now());
    }
  }

  boolean isPaused() {
    lock.lock();
    try {
      return paused;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the torrent is paused. Under the lock. */
  boolean pausedLocked() {
    return paused;
  }

  /** Pieces in order (from the lowest wanted one) or rarest first. */
  void setSequential(boolean inOrder) {
    lock.lock();
    try {
      sequential = inOrder;
      Content ct = content;
      if (ct != null) {
        ct.picker.setSequential(inOrder);
      }
    } finally {
      lock.unlock();
    }
  }

  boolean isSequential() {
    lock.lock();
    try {
      return sequential;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits, on a reader thread, until {@code bytes} of piece data just read are within the rate
   * limits: the reader reads nothing meanwhile, so TCP slows the sender down.
   */
  void throttleDownload(int bytes) {
    long wait = Throttle.downloadWait(throttle, engineThrottle, bytes, now());
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the connection is closing
      }
    }
  }

  /** Charges {@code bytes} about to be sent to the rate limits; the nanoseconds to wait first. */
  long uploadWait(int bytes) {
    return Throttle.uploadWait(throttle, engineThrottle, bytes, now());
  }

  /** Gives back what {@link #uploadWait} charged for {@code bytes} that will not be sent. */
  void refundUpload(long bytes) {
    if (bytes > 0) {
      Throttle.refundUpload(throttle, engineThrottle, bytes, now());
    }
  }

  // ---- timers -----------------------------------------------------------------------------

  /** Timeouts, rechoke, refills; then each connection's own timers. Called by the session. */
  void tick() {
    long now = now();
    Outbox out = new Outbox();
    List<PeerConnection> connections;
    lock.lock();
    try {
      connections = new ArrayList<>(peers.keySet());
      Content ct = content;
      if (ct != null) {
        long timeout = settings.requestTimeout().toNanos();
        for (Peer peer : peers.values()) {
          if (peer.joined
              && ct.picker.outstandingCount(peer.id) > 0
              && now - peer.lastProgressNanos > timeout) {
            transfers.timedOut(ct, peer, out, now);
          }
        }
        fillAll(out, now);
      } else {
        metadata.tick(out, now);
      }
      rechoke(out, now);
      metadata.sendPex(out);
    } finally {
      lock.unlock();
    }
    out.send();
    for (PeerConnection connection : connections) {
      connection.tick();
    }
  }

  // ---- status and shutdown ----------------------------------------------------------------

  /** A snapshot; the name is the caller's. */
  TorrentStatus status(String name) {
    return StatusReport.of(this, name);
  }

  /** Open connections to peers that have every piece. Under the lock. */
  int seedCount() {
    int seeds = 0;
    for (Peer peer : peers.values()) {
      if (peer.hasAll) {
        seeds++;
      }
    }
    return seeds;
  }

  /** Open connections. Under the lock. */
  int openCount() {
    return peers.size();
  }

  /** Whether the session is closing. Under the lock. */
  boolean closedLocked() {
    return closed;
  }

  /** What stopped the torrent, if anything. Under the lock. */
  @Nullable String errorLocked() {
    return error;
  }

  /**
   * Closes every connection, waits (a bounded time) for blocks on their way to disk and for
   * verifications, and closes the storage, which records what is complete.
   */
  void close(Duration maxWait) {
    List<PeerConnection> connections;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      connections = new ArrayList<>(peers.keySet());
    } finally {
      lock.unlock();
    }
    // File channels close themselves when an interrupted thread uses them: the interrupt is kept
    // aside until the storage has recorded what is complete.
    boolean interrupted = Thread.interrupted();
    long deadline = now() + maxWait.toNanos();
    for (PeerConnection connection : connections) {
      connection.close(CloseReason.CLOSED_LOCALLY, "the session is closing");
    }
    try {
      for (PeerConnection connection : connections) {
        try {
          connection.whenClosed().get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
          // Bounded: a reader that does not finish in time is abandoned.
        }
      }
      Content ct = content;
      if (ct != null
          && ct.writeSlots.tryAcquire(
              Content.MAX_BLOCKS_IN_FLIGHT, remaining(deadline), TimeUnit.NANOSECONDS)) {
        ct.writeSlots.release(Content.MAX_BLOCKS_IN_FLIGHT);
      }
      while (verifying.get() > 0 && remaining(deadline) > 0) {
        Thread.sleep(CLOSE_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      interrupted = true; // stop waiting; what is verified is recorded below
    }
    Content ct = content;
    try {
      if (ct != null) {
        closeOnPool(ct);
      }
    } finally {
      done.completeExceptionally(new SessionException("the session was closed"));
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Closes the storage (its last checkpoint: fsync and the resume file) on the disk pool, like all
   * disk I/O, and waits for it without being interruptible: an interrupt of the caller must not
   * cost the record of what was downloaded.
   */
  private void closeOnPool(Content ct) {
    CompletableFuture<Void> closing;
    try {
      closing = CompletableFuture.runAsync(ct.storage::close, env.pool());
    } catch (RejectedExecutionException e) {
      ct.storage.close(); // the pool is gone: this thread does it
      return;
    }
    try {
      closing.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private long remaining(long deadline) {
    return Math.max(0, deadline - now());
  }

  /** Runs {@code task} on the disk pool; false if the pool no longer takes work. */
  boolean onPool(Runnable task) {
    try {
      env.pool().execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * The open peers that other threads may send to (their opening messages left). Under the lock.
   */
  List<Peer> peers() {
    List<Peer> ready = new ArrayList<>(peers.size());
    for (Peer peer : peers.values()) {
      if (peer.ready) {
        ready.add(peer);
      }
    }
    return ready;
  }

  @Nullable Peer peerById(ConnectionId id) {
    return byId.get(id);
  }
}
