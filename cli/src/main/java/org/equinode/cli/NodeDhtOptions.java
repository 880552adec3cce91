package org.equinode.cli;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.dht.DhtSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The DHT options of {@code node}. Unless told, the node joins the Mainline DHT exactly when its
 * torrents accept peers from outside the machine (a listener on an address other than loopback):
 * that is when libtorrent and Transmission users have it on by default, and a node that listens on
 * 127.0.0.1 only (the default) could not take part anyway. {@code --torrent-dht} or a {@code
 * --dht-node} turns it on, {@code --no-torrent-dht} off.
 */
final class NodeDhtOptions {
  @Option(
      names = "--torrent-dht",
      negatable = true,
      description =
          "Find and announce the node's torrents in the Mainline DHT (default: on when"
              + " --torrent-listen is an address other than loopback, or a --dht-node is given).")
  @Nullable Boolean enabled;

  @Option(
      names = "--dht-node",
      paramLabel = "HOST:PORT",
      converter = HostPort.class,
      description =
          "A DHT node to start from; repeat for more (default: the public routers). The nodes"
              + " known at the last stop (<datadir>/torrents/dht.json) are asked first.")
  List<InetSocketAddress> nodes = new ArrayList<>();

  @Option(
      names = "--dht-listen",
      paramLabel = "HOST:PORT",
      converter = HostPort.class,
      description =
          "The DHT's UDP address (default: the torrent listener's address and port;"
              + " 0.0.0.0:0 without one).")
  @Nullable InetSocketAddress listen;

  /** The DHT settings for a node whose torrents listen on {@code torrents}; empty for none. */
  Optional<DhtSettings> settings(Optional<InetSocketAddress> torrents) {
    boolean outside = torrents.map(a -> !a.getAddress().isLoopbackAddress()).orElse(false);
    boolean on = enabled != null ? enabled : outside || !nodes.isEmpty() || listen != null;
    if (!on) {
      return Optional.empty();
    }
    InetSocketAddress udp = listen != null ? listen : torrents.orElse(DhtOptions.ANY_PORT);
    return Optional.of(DhtSettings.of(udp, DhtOptions.bootstrap(nodes)));
  }
}
