package org.equinode.torrent.dht;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a DHT node runs.
 *
 * @param listen the UDP address to bind (port 0: any free port)
 * @param bootstrap nodes to ask first (may be unresolved host names); empty: wait to be told
 * @param externalAddress our public IPv4 address when known, for a BEP 42 node id; empty (or a
 *     local address): a random id
 * @param queryTimeout how long a query waits for its reply
 * @param reannounce how often a torrent's peers are looked up and announced again
 * @param retryWhenEmpty how soon a lookup that found no peer is tried again
 * @param queriesPerSecond queries answered per source IP per second (the burst is twice that)
 */
public record DhtSettings(
    InetSocketAddress listen,
    List<InetSocketAddress> bootstrap,
    Optional<InetSocketAddress> externalAddress,
    Duration queryTimeout,
    Duration reannounce,
    Duration retryWhenEmpty,
    int queriesPerSecond) {
  /** The routers clients usually start from; only the command line's default uses them. */
  public static final List<String> PUBLIC_ROUTERS =
      List.of(
          "router.bittorrent.com:6881", "dht.transmissionbt.com:6881", "router.utorrent.com:6881");

  /** Nodes a bootstrap list may name at most. */
  public static final int MAX_BOOTSTRAP_NODES = 64;

  public DhtSettings {
    bootstrap = List.copyOf(bootstrap);
    if (bootstrap.size() > MAX_BOOTSTRAP_NODES) {
      throw new IllegalArgumentException("more than " + MAX_BOOTSTRAP_NODES + " bootstrap nodes");
    }
    for (Duration d : List.of(queryTimeout, reannounce, retryWhenEmpty)) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("DHT timers must be positive, got " + d);
      }
    }
    if (queriesPerSecond < 1) {
      throw new IllegalArgumentException("queries per second must be positive");
    }
  }

  /** A node on {@code listen} starting from {@code bootstrap}, with the usual timers. */
  public static DhtSettings of(InetSocketAddress listen, List<InetSocketAddress> bootstrap) {
    return new DhtSettings(
        listen,
        bootstrap,
        Optional.empty(),
        Duration.ofSeconds(3),
        Duration.ofMinutes(15),
        Duration.ofMinutes(1),
        50);
  }

  /** These settings with other lookup timers (tests make them short). */
  public DhtSettings withTimers(Duration timeout, Duration again, Duration retry) {
    return new DhtSettings(
        listen, bootstrap, externalAddress, timeout, again, retry, queriesPerSecond);
  }
}
