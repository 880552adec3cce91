package org.equinode.torrent.session;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.dht.Dht;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.storage.Progress;
import org.equinode.torrent.tracker.TrackerStatus;
import org.jspecify.annotations.Nullable;

/**
 * One torrent being downloaded and shared: the handle that callers (the command line, the node)
 * hold. It takes the peers that connect to its engine's port for it (plain and encrypted), connects
 * to the peers it learns of (given, from the magnet link, from trackers, from peer exchange, from
 * the DHT), fetches the metadata of a magnet link, downloads every wanted piece, keeps seeding
 * until closed, and announces to trackers.
 *
 * <p>Threads (docs/concurrency.md): two virtual threads per connection (reader and writer), one per
 * connection being set up; the engine's timer ticks it every {@link
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

  private final TorrentEngine engine;
  private final TorrentSource source;
  private final PieceExchange exchange;
  private final PeerBook book;
  private final Connector connector;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean ownsEngine;
  private volatile @Nullable TrackerLink tracker;
  private volatile @Nullable DhtLink dht;

  private TorrentSession(
      TorrentEngine engine, TorrentSource source, PieceExchange exchange, PeerBook book) {
    this.engine = engine;
    this.source = source;
    this.exchange = exchange;
    this.book = book;
    this.connector = new Connector(exchange, engine.local(), engine.timer());
  }

  /**
   * Starts a session for one torrent with an engine of its own (its own port, if the settings name
   * one), closed with it: opens the storage if the metadata is known (hashing existing files as
   * needed), binds the port, connects to the source's peers and starts the trackers.
   *
   * @throws SessionException if the port cannot be bound
   * @throws org.equinode.torrent.storage.StorageException if the files cannot be used
   */
  public static TorrentSession start(
      TorrentSource source,
      StorageOpener opener,
      SessionSettings settings,
      SessionEnvironment env) {
    return start(source, opener, settings, env, TorrentOptions.DEFAULTS);
  }

  /**
   * {@link #start(TorrentSource, StorageOpener, SessionSettings, SessionEnvironment)}, paused, in
   * order or with rate limits as {@code options} say from the first connection on.
   */
  public static TorrentSession start(
      TorrentSource source,
      StorageOpener opener,
      SessionSettings settings,
      SessionEnvironment env,
      TorrentOptions options) {
    TorrentEngine engine = TorrentEngine.start(settings, env);
    try {
      TorrentSession session = engine.add(source, opener, options);
      session.ownsEngine = true;
      return session;
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /**
   * A session in {@code engine}, not started yet; its storage open if the metadata is known, unless
   * it is to be opened in the background when the session begins.
   */
  static TorrentSession create(
      TorrentEngine engine, TorrentSource source, StorageOpener opener, boolean inBackground) {
    PeerBook book = new PeerBook();
    engine.selfAddresses().forEach(book::excludeSelf);
    PieceExchange exchange =
        new PieceExchange(
            source.infoHash(),
            engine.settings(),
            engine.environment(),
            book,
            engine.local().peerId(),
            opener,
            engine.throttle(),
            engine.slots(),
            engine.timer());
    engine.listenAddress().ifPresent(address -> exchange.listening(address.getPort()));
    if (source.info().isPresent()) {
      InfoDict info = source.info().get();
      exchange.metadata.known(info);
      if (!inBackground) {
        exchange.contentReady(info, opener.open(info));
      }
    }
    return new TorrentSession(engine, source, exchange, book);
  }

  /**
   * Starts talking to peers and trackers, once the engine lists the torrent; opens the storage of
   * known metadata first if {@link #create} left it to the background.
   */
  void begin() {
    try {
      if (exchange.content() == null) {
        source.info().ifPresent(exchange.metadata::open);
      }
      for (PeerAddress peer : source.peers()) {
        if (peer.host() instanceof PeerHost.Ip ip) {
          book.add(new InetSocketAddress(ip.address(), peer.port()));
        }
      }
      if (!exchange.isPaused()) {
        startTrackers();
      }
      startDht();
      if (!exchange.isFinished()) {
        var unused = exchange.done.thenRun(this::completed);
      }
      connectMore();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private synchronized void startTrackers() {
    Optional<InetSocketAddress> bound = engine.listenAddress();
    if (bound.isEmpty() || tracker != null || closed.get()) {
      return;
    }
    TrackerLink link =
        TrackerLink.start(
                source.trackerTiers(),
                exchange,
                engine.local().peerId(),
                bound.get().getPort(),
                this::connectMore)
            .orElse(null);
    tracker = link;
    if (link != null) {
      link.tick();
    }
  }

  /** Looks peers up in the engine's DHT, if it has one and the torrent is not private (BEP 27). */
  private void startDht() {
    Optional<Dht> node = engine.dht();
    if (node.isEmpty() || source.info().map(InfoDict::isPrivate).orElse(false)) {
      return;
    }
    int port = engine.listenAddress().map(InetSocketAddress::getPort).orElse(0);
    dht =
        new DhtLink(
            node.get(),
            source.infoHash(),
            port,
            book,
            this::connectMore,
            engine.environment().time(),
            () -> !exchange.isFinished());
  }

  private synchronized void stopTrackers() {
    TrackerLink link = tracker;
    tracker = null;
    if (link != null) {
      link.close();
    }
  }

  /** Applies options before {@link #begin()}. */
  void apply(TorrentOptions options) {
    exchange.setPaused(options.paused());
    exchange.setSequential(options.sequential());
    setRateLimits(options.limits());
  }

  PieceExchange exchange() {
    return exchange;
  }

  /** Timers: called by the engine every tick. */
  void tick() {
    exchange.tick();
    connectMore();
    TrackerLink link = tracker;
    if (link != null) {
      link.tick();
    }
    DhtLink lookups = dht;
    if (lookups != null && !exchange.isPaused()) {
      lookups.tick();
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

  /** Our peer id (the engine's). */
  public PeerId peerId() {
    return engine.local().peerId();
  }

  /** Where peers may connect to us, if the engine listens. */
  public Optional<InetSocketAddress> listenAddress() {
    return engine.listenAddress();
  }

  /** The metadata, once known (while the files are being checked too). */
  public Optional<InfoDict> metadata() {
    return exchange.metadata.info();
  }

  /** Adds a peer to connect to (again, if it is known and idle). */
  public void addPeer(InetSocketAddress address) {
    book.add(address);
    connectMore();
  }

  /**
   * Pauses: closes every connection, refuses new ones, tells the trackers {@code stopped}. The
   * files stay open and what was received is still written and verified. Idempotent.
   */
  public void pause() {
    exchange.setPaused(true);
    stopTrackers();
  }

  /** Resumes a paused torrent: trackers and peers again. Idempotent. */
  public void resume() {
    if (closed.get()) {
      return;
    }
    exchange.setPaused(false);
    startTrackers();
    connectMore();
  }

  /** Whether the torrent is paused. */
  public boolean isPaused() {
    return exchange.isPaused();
  }

  /** Pieces in order, from the first wanted one (streaming), or rarest first (the default). */
  public void setSequential(boolean sequential) {
    exchange.setSequential(sequential);
  }

  public boolean isSequential() {
    return exchange.isSequential();
  }

  /** The torrent's own rate limits (the engine's apply as well). */
  public void setRateLimits(RateLimits limits) {
    exchange.throttle.set(limits, exchange.now());
  }

  public RateLimits rateLimits() {
    return exchange.throttle.limits();
  }

  /** Per-file and overall progress, once the metadata is known and the files are open. */
  public Optional<Progress> progress() {
    Content ct = exchange.content();
    return ct == null ? Optional.empty() : Optional.of(ct.storage.progress());
  }

  /** How the torrent is doing now. */
  public TorrentStatus status() {
    return exchange.status(source.name());
  }

  /** Where the engine's DHT node listens (UDP), if it runs one. */
  public Optional<InetSocketAddress> dhtAddress() {
    return engine.dht().map(Dht::localAddress);
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
   * Stops: no more connections made, every connection closed, the storage closed after blocks in
   * flight are written and verified (bounded by {@link #CLOSE_WAIT}), which records what is
   * complete; trackers hear {@code stopped}; the torrent leaves its engine (a session started on
   * its own closes its engine too). Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // An interrupt would close the files and cut the stopped announce short: kept for the end.
    boolean interrupted = Thread.interrupted();
    try {
      engine.removed(this);
      exchange.close(CLOSE_WAIT);
      interrupted |= Thread.interrupted();
      stopTrackers();
      if (ownsEngine) {
        engine.close();
      }
    } finally {
      if (interrupted || Thread.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "TorrentSession[" + source.name() + ", " + source.infoHash() + "]";
  }
}
