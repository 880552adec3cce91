package org.equinode.torrent.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.peer.LocalPeer;
import org.equinode.torrent.peer.PeerId;
import org.equinode.torrent.peer.PeerServer;
import org.equinode.torrent.peer.ReservedBits;
import org.equinode.torrent.tracker.TrackerStatus;
import org.jspecify.annotations.Nullable;

/**
 * One torrent being downloaded and shared: the handle that callers (the command line, the node)
 * hold. It listens for peers on its own port if asked to (plain and encrypted connections on the
 * same port), connects to the peers it learns of (given, from the magnet link, from trackers, from
 * peer exchange), fetches the metadata of a magnet link, downloads every wanted piece, keeps
 * seeding until closed, and announces to trackers.
 *
 * <p>Threads (docs/concurrency.md): two virtual threads per connection (reader and writer), one per
 * connection being set up, one accepting; one timer thread ticks every {@link
 * SessionSettings#tickInterval()}; disk I/O and hashing run on the environment's pool. Every method
 * here is thread-safe.
 */
public final class TorrentSession implements AutoCloseable {
  /** Blocks a peer may have asked us for and not received yet; more are refused. */
  public static final int MAX_UPLOADS_PER_PEER = 500;

  /** Requests kept at a peer that does not say how many it queues ({@code reqq}). */
  public static final int DEFAULT_PEER_REQUEST_QUEUE = 250;

  /** How long {@link #close()} waits for connections, disk writes and verifications. */
  public static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final TorrentSource source;
  private final PieceExchange exchange;
  private final PeerBook book;
  private final Connector connector;
  private final ScheduledExecutorService timer;
  private final LocalPeer local;
  private volatile @Nullable PeerServer server;
  private volatile @Nullable TrackerLink tracker;

  private TorrentSession(
      TorrentSource source,
      PieceExchange exchange,
      PeerBook book,
      LocalPeer local,
      ScheduledExecutorService timer) {
    this.source = source;
    this.exchange = exchange;
    this.book = book;
    this.local = local;
    this.timer = timer;
    this.connector = new Connector(exchange, local, timer);
  }

  /**
   * Starts a session: opens the storage if the metadata is known (hashing existing files as
   * needed), binds the listening port, connects to the source's peers and starts the trackers.
   *
   * @throws SessionException if the port cannot be bound
   * @throws org.equinode.torrent.storage.StorageException if the files cannot be used
   */
  public static TorrentSession start(
      TorrentSource source,
      StorageOpener opener,
      SessionSettings settings,
      SessionEnvironment env) {
    PeerBook book = new PeerBook();
    PieceExchange exchange = new PieceExchange(source.infoHash(), settings, env, book, opener);
    if (source.info().isPresent()) {
      InfoDict info = source.info().get();
      exchange.metadata.known(info);
      exchange.contentReady(info, opener.open(info));
    }
    LocalPeer local = new LocalPeer(PeerId.random(env.secureRandom()), ReservedBits.ours(false));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("torrent-timer " + source.infoHash().hex()).factory());
    TorrentSession session = new TorrentSession(source, exchange, book, local, timer);
    try {
      session.listen(settings);
      for (PeerAddress peer : source.peers()) {
        if (peer.host() instanceof PeerHost.Ip ip) {
          book.add(new InetSocketAddress(ip.address(), peer.port()));
        }
      }
      PeerServer bound = session.server;
      if (bound != null) {
        session.tracker =
            TrackerLink.start(
                    source.trackerTiers(),
                    exchange,
                    local.peerId(),
                    bound.localAddress().getPort(),
                    session::connectMore)
                .orElse(null);
        TrackerLink link = session.tracker;
        if (link != null) {
          link.tick();
        }
      }
      if (!exchange.isFinished()) {
        var unused = exchange.done.thenRun(session::completed);
      }
      long period = settings.tickInterval().toNanos();
      var unusedTicking =
          timer.scheduleWithFixedDelay(session::tick, period, period, TimeUnit.NANOSECONDS);
      session.connectMore();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return session;
  }

  private void listen(SessionSettings settings) {
    if (settings.listen().isEmpty()) {
      return;
    }
    InetSocketAddress wanted = settings.listen().get();
    PeerServer bound;
    try {
      bound = PeerServer.bind(wanted, new Acceptor(exchange, local, timer));
    } catch (IOException e) {
      throw new SessionException("cannot listen on " + wanted + ": " + e.getMessage(), e);
    }
    server = bound;
    InetSocketAddress address = bound.localAddress();
    exchange.listening(address.getPort());
    book.excludeSelf(address);
    if (address.getAddress().isAnyLocalAddress()) {
      try {
        book.excludeSelf(
            new InetSocketAddress(
                InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), address.getPort()));
      } catch (UnknownHostException e) {
        throw new IllegalStateException("4 bytes are an address", e);
      }
    }
  }

  private void tick() {
    try {
      exchange.tick();
      connectMore();
      TrackerLink link = tracker;
      if (link != null) {
        link.tick();
      }
      Content ct = exchange.content();
      if (ct != null) {
        exchange.onPool(
            () -> {
              try {
                ct.storage.checkpointIfDue();
              } catch (RuntimeException e) {
                // Kept as the storage's error(); the next checkpoint tries again.
              }
            });
      }
    } catch (RuntimeException e) {
      // A bug in one tick must not stop the timer: the next tick runs anyway.
    }
  }

  private void connectMore() {
    connector.connectMore(exchange.peerCount());
  }

  private void completed() {
    TrackerLink link = tracker;
    if (link != null) {
      link.completed();
      link.tick();
    }
    Content ct = exchange.content();
    if (ct != null) {
      exchange.onPool(
          () -> {
            try {
              ct.storage.checkpoint();
            } catch (RuntimeException e) {
              // Kept as the storage's error(); close() tries again.
            }
          });
    }
  }

  /** The torrent. */
  public InfoHash infoHash() {
    return source.infoHash();
  }

  /** Our peer id in this session. */
  public PeerId peerId() {
    return local.peerId();
  }

  /** Where peers may connect to us, if we listen. */
  public Optional<InetSocketAddress> listenAddress() {
    PeerServer bound = server;
    return bound == null ? Optional.empty() : Optional.of(bound.localAddress());
  }

  /** The metadata, once known. */
  public Optional<InfoDict> metadata() {
    Content ct = exchange.content();
    return ct == null ? Optional.empty() : Optional.of(ct.info);
  }

  /** Adds a peer to connect to (again, if it is known and idle). */
  public void addPeer(InetSocketAddress address) {
    book.add(address);
    connectMore();
  }

  /** How the torrent is doing now. */
  public TorrentStatus status() {
    return exchange.status(source.name());
  }

  /** The trackers and how they answered; empty without trackers or a listening port. */
  public List<TrackerStatus> trackers() {
    TrackerLink link = tracker;
    return link == null ? List.of() : link.status();
  }

  /**
   * Completes once every wanted piece is verified (at once if they all were at the start);
   * exceptionally with a {@link SessionException} if the torrent stops on an error or the session
   * is closed first.
   */
  public CompletableFuture<Void> whenComplete() {
    return exchange.done.copy();
  }

  /**
   * Stops: no more connections accepted or made, every connection closed, the storage closed after
   * blocks in flight are written and verified (bounded by {@link #CLOSE_WAIT}), which records what
   * is complete; trackers hear {@code stopped}. Idempotent.
   */
  @Override
  public void close() {
    PeerServer bound = server;
    if (bound != null) {
      bound.close();
    }
    exchange.close(CLOSE_WAIT);
    timer.shutdownNow();
    TrackerLink link = tracker;
    tracker = null;
    if (link != null) {
      link.close();
    }
  }

  @Override
  public String toString() {
    return "TorrentSession[" + source.name() + ", " + source.infoHash() + "]";
  }
}
