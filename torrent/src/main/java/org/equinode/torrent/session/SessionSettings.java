package org.equinode.torrent.session;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.equinode.torrent.dht.DhtSettings;
import org.equinode.torrent.peer.ConnectionSettings;
import org.equinode.torrent.storage.StorageOptions;
import org.equinode.torrent.swarm.ChokerConfig;
import org.equinode.torrent.swarm.RequestQueueSizer;
import org.equinode.torrent.tracker.AnnounceScheduler;

/**
 * What a {@link TorrentSession} may be tuned with.
 *
 * @param listen where to accept peers; empty for none (outgoing connections only)
 * @param maxConnections peers connected at once, both directions
 * @param maxConnecting outgoing connections being set up at once
 * @param encryption whether to use MSE
 * @param choker upload slots and rechoke timing
 * @param requests how many requests to keep outstanding at a peer, from its rate
 * @param tickInterval how often timers run (timeouts, rechoke, new connections, trackers)
 * @param connectTimeout time to open a TCP connection
 * @param requestTimeout time without a block from a peer with requests outstanding after which they
 *     are given to others
 * @param connection the timers and queue of each peer connection
 * @param storage sync batching of the storage
 * @param clientName the {@code v} of our extended handshake
 * @param trackers announce intervals and retries
 * @param dht the Mainline DHT node the engine runs, to find and announce peers; empty: no DHT
 */
public record SessionSettings(
    Optional<InetSocketAddress> listen,
    int maxConnections,
    int maxConnecting,
    EncryptionPolicy encryption,
    ChokerConfig choker,
    RequestQueueSizer requests,
    Duration tickInterval,
    Duration connectTimeout,
    Duration requestTimeout,
    ConnectionSettings connection,
    StorageOptions storage,
    String clientName,
    AnnounceScheduler.Settings trackers,
    Optional<DhtSettings> dht) {
  /** Peers connected at once by default (libtorrent allows 200 per torrent, aria2 55). */
  public static final int DEFAULT_MAX_CONNECTIONS = 60;

  /** The most connections a session may be allowed. */
  public static final int MAX_CONNECTIONS = 2000;

  /** Outgoing connections being set up at once by default. */
  public static final int DEFAULT_MAX_CONNECTING = 10;

  /**
   * Messages queued per peer: our requests (up to {@link RequestQueueSizer#DEFAULT_MAX}), the
   * blocks it asked for (up to {@link TorrentSession#MAX_UPLOADS_PER_PEER}) and control messages.
   */
  public static final int SEND_QUEUE_CAPACITY = 2048;

  /** The defaults: no listener, MSE preferred, four upload slots, 1 s ticks, no DHT. */
  public static final SessionSettings DEFAULTS =
      new SessionSettings(
          Optional.empty(),
          DEFAULT_MAX_CONNECTIONS,
          DEFAULT_MAX_CONNECTING,
          EncryptionPolicy.PREFERRED,
          ChokerConfig.DEFAULT,
          RequestQueueSizer.DEFAULT,
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          Duration.ofSeconds(20),
          new ConnectionSettings(
              ConnectionSettings.DEFAULT_HANDSHAKE_TIMEOUT,
              ConnectionSettings.DEFAULT_IDLE_TIMEOUT,
              ConnectionSettings.DEFAULT_KEEP_ALIVE_INTERVAL,
              SEND_QUEUE_CAPACITY),
          StorageOptions.defaults(),
          "Equinode",
          AnnounceScheduler.Settings.DEFAULT,
          Optional.empty());

  public SessionSettings {
    if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "max connections " + maxConnections + " is outside 1.." + MAX_CONNECTIONS);
    }
    if (maxConnecting < 1 || maxConnecting > maxConnections) {
      throw new IllegalArgumentException(
          "max connecting " + maxConnecting + " is outside 1.." + maxConnections);
    }
    for (Duration d : new Duration[] {tickInterval, connectTimeout, requestTimeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("session timers must be positive, got " + d);
      }
    }
    if (clientName.isBlank()) {
      throw new IllegalArgumentException("a blank client name");
    }
  }

  /** These settings listening on {@code address} (port 0: any free port). */
  public SessionSettings withListen(InetSocketAddress address) {
    return copy(Optional.of(address), encryption, requestTimeout, clientName, trackers, dht);
  }

  /** These settings with another encryption policy. */
  public SessionSettings withEncryption(EncryptionPolicy policy) {
    return copy(listen, policy, requestTimeout, clientName, trackers, dht);
  }

  /** These settings with another client name (the {@code v} peers see). */
  public SessionSettings withClientName(String name) {
    return copy(listen, encryption, requestTimeout, name, trackers, dht);
  }

  /** These settings with another request timeout. */
  public SessionSettings withRequestTimeout(Duration timeout) {
    return copy(listen, encryption, timeout, clientName, trackers, dht);
  }

  /** These settings with other announce intervals. */
  public SessionSettings withTrackers(AnnounceScheduler.Settings announces) {
    return copy(listen, encryption, requestTimeout, clientName, announces, dht);
  }

  /** These settings with a DHT node (empty: none). */
  public SessionSettings withDht(Optional<DhtSettings> node) {
    return copy(listen, encryption, requestTimeout, clientName, trackers, node);
  }

  private SessionSettings copy(
      Optional<InetSocketAddress> listen,
      EncryptionPolicy encryption,
      Duration requestTimeout,
      String clientName,
      AnnounceScheduler.Settings trackers,
      Optional<DhtSettings> dht) {
    return new SessionSettings(
        listen,
        maxConnections,
        maxConnecting,
        encryption,
        choker,
        requests,
        tickInterval,
        connectTimeout,
        requestTimeout,
        connection,
        storage,
        clientName,
        trackers,
        dht);
  }
}
