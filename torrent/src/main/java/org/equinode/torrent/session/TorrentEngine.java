package org.equinode.torrent.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.dht.Dht;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.mse.MseHandshake;
import org.equinode.torrent.peer.LocalPeer;
import org.equinode.torrent.peer.PeerServer;
import org.equinode.torrent.peer.ReservedBits;
import org.jspecify.annotations.Nullable;

/**
 * Many torrents behind one listening port: one peer id, one timer, one {@link PeerServer} whose
 * connections go to the torrent they name (by info-hash in a plain handshake, by its obfuscated
 * hash in an MSE one), and at most one DHT node ({@link Dht}) that every torrent looks up in.
 * {@link TorrentSession#start} makes an engine of its own for a single torrent; a node adds
 * torrents to one engine with {@link #add}. Thread-safe.
 */
public final class TorrentEngine implements AutoCloseable {
  /** Peer connections open at once across an engine's torrents, by default. */
  public static final int DEFAULT_MAX_TOTAL_CONNECTIONS = 200;

  /** The most connections an engine may be allowed across its torrents. */
  public static final int MAX_TOTAL_CONNECTIONS = 20_000;

  private final SessionSettings settings;
  private final SessionEnvironment env;
  private final LocalPeer local;
  private final ScheduledExecutorService timer;
  private final Map<InfoHash, TorrentSession> torrents = new ConcurrentHashMap<>();
  private final Map<InfoHash, byte[]> obfuscated = new ConcurrentHashMap<>();
  private final Throttle throttle = new Throttle();
  private final ConnectionSlots slots = new ConnectionSlots(DEFAULT_MAX_TOTAL_CONNECTIONS);
  private volatile @Nullable PeerServer server;
  private volatile @Nullable Dht dht;
  private volatile boolean closed;

  private TorrentEngine(SessionSettings settings, SessionEnvironment env) {
    this.settings = settings;
    this.env = env;
    this.local = new LocalPeer(PeerId.random(env.secureRandom()), ReservedBits.ours(false));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("torrent-timer").factory());
  }

  /**
   * Starts an engine: binds the listening port if the settings name one, and ticks its torrents
   * every {@link SessionSettings#tickInterval()}.
   *
   * @throws SessionException if the port cannot be bound
   */
  public static TorrentEngine start(SessionSettings settings, SessionEnvironment env) {
    TorrentEngine engine = new TorrentEngine(settings, env);
    try {
      engine.listen();
      if (settings.dht().isPresent()) {
        engine.dht = Dht.start(settings.dht().get(), env.time(), env.secureRandom());
      }
      long period = settings.tickInterval().toNanos();
      var unusedTicking =
          engine.timer.scheduleWithFixedDelay(engine::tick, period, period, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  private void listen() {
    if (settings.listen().isEmpty()) {
      return;
    }
    InetSocketAddress wanted = settings.listen().get();
    try {
      server = PeerServer.bind(wanted, new Acceptor(this, local, timer));
    } catch (IOException e) {
      throw new SessionException("cannot listen on " + wanted + ": " + e.getMessage(), e);
    }
  }

  /**
   * Adds a torrent: opens its storage if the metadata is known (hashing existing files as needed),
   * connects to its peers and starts its trackers.
   *
   * @throws SessionException if the engine is closed or already has this torrent
   * @throws org.equinode.torrent.storage.StorageException if the files cannot be used
   */
  public TorrentSession add(TorrentSource source, StorageOpener opener) {
    return add(source, opener, TorrentOptions.DEFAULTS);
  }

  /**
   * Adds a torrent as {@link #add(TorrentSource, StorageOpener)} does, paused, in order or with
   * rate limits of its own as {@code options} say; with {@link TorrentOptions#checkInBackground()}
   * it returns before the storage is open (the torrent is {@link TorrentStatus.State#CHECKING}),
   * and a storage that cannot be used stops the torrent with an error instead of being thrown.
   */
  public TorrentSession add(TorrentSource source, StorageOpener opener, TorrentOptions options) {
    if (closed) {
      throw new SessionException("the engine is closed");
    }
    InfoHash hash = source.infoHash();
    if (torrents.containsKey(hash)) {
      throw new SessionException("torrent " + hash + " is already in the engine");
    }
    TorrentSession session =
        TorrentSession.create(this, source, opener, options.checkInBackground());
    // Before the torrent is visible to incoming handshakes: no peer sees it unpaused or unlimited.
    session.apply(options);
    if (torrents.putIfAbsent(hash, session) != null) {
      session.close();
      throw new SessionException("torrent " + hash + " is already in the engine");
    }
    obfuscated.put(hash, MseHandshake.obfuscatedInfoHash(hash));
    session.begin();
    return session;
  }

  /** Caps the connections open at once across every torrent (each torrent has its own cap). */
  public void setMaxConnections(int connections) {
    slots.setMax(connections);
  }

  public int maxConnections() {
    return slots.max();
  }

  /** Peer connections open now across every torrent. */
  public int openConnections() {
    return slots.open();
  }

  /** Limits the piece data of every torrent together (each torrent may have limits of its own). */
  public void setRateLimits(RateLimits limits) {
    throttle.set(limits, env.time().nanoTime());
  }

  public RateLimits rateLimits() {
    return throttle.limits();
  }

  /** The torrents in the engine. */
  public List<TorrentSession> torrents() {
    return new ArrayList<>(torrents.values());
  }

  /** The torrent with this info-hash, if the engine has it. */
  public Optional<TorrentSession> find(InfoHash infoHash) {
    return Optional.ofNullable(torrents.get(infoHash));
  }

  /** Where peers may connect to us, if we listen. */
  public Optional<InetSocketAddress> listenAddress() {
    PeerServer bound = server;
    return bound == null ? Optional.empty() : Optional.of(bound.localAddress());
  }

  /** The engine's DHT node, if the settings asked for one. */
  public Optional<Dht> dht() {
    return Optional.ofNullable(dht);
  }

  /** Our addresses as the peer book must never dial them: the listener's, and loopback's. */
  List<InetSocketAddress> selfAddresses() {
    PeerServer bound = server;
    if (bound == null) {
      return List.of();
    }
    InetSocketAddress address = bound.localAddress();
    if (!address.getAddress().isAnyLocalAddress()) {
      return List.of(address);
    }
    return List.of(
        address, new InetSocketAddress(InetAddress.getLoopbackAddress(), address.getPort()));
  }

  Throttle throttle() {
    return throttle;
  }

  ConnectionSlots slots() {
    return slots;
  }

  SessionSettings settings() {
    return settings;
  }

  SessionEnvironment environment() {
    return env;
  }

  LocalPeer local() {
    return local;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  /** The exchange of a torrent the engine serves. */
  Optional<PieceExchange> exchangeFor(InfoHash infoHash) {
    TorrentSession session = torrents.get(infoHash);
    return session == null ? Optional.empty() : Optional.of(session.exchange());
  }

  /** The torrent whose obfuscated hash (MSE's {@code HASH("req2", info-hash)}) this is. */
  Optional<InfoHash> byObfuscatedHash(byte[] named) {
    for (Map.Entry<InfoHash, byte[]> entry : obfuscated.entrySet()) {
      if (Arrays.equals(entry.getValue(), named)) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  /** A torrent closed: it leaves the engine. */
  void removed(TorrentSession session) {
    torrents.remove(session.infoHash(), session);
    obfuscated.remove(session.infoHash());
  }

  private void tick() {
    for (TorrentSession session : torrents.values()) {
      try {
        session.tick();
      } catch (RuntimeException e) {
        // A bug in one torrent's tick must not stop the others, nor the timer.
      }
    }
  }

  /** Closes every torrent (see {@link TorrentSession#close()}), then the port and the timer. */
  @Override
  public void close() {
    closed = true;
    PeerServer bound = server;
    if (bound != null) {
      bound.close();
    }
    for (TorrentSession session : torrents()) {
      session.close();
    }
    Dht node = dht;
    if (node != null) {
      node.close();
    }
    timer.shutdownNow();
  }

  @Override
  public String toString() {
    return "TorrentEngine[" + torrents.size() + " torrents, " + listenAddress() + "]";
  }
}
