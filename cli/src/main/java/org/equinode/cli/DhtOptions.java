package org.equinode.cli;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.dht.DhtSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The DHT options of {@code get} and {@code share}. The DHT is off unless {@code --dht}, a {@code
 * --dht-node} or a {@code --dht-listen} is given ({@code --no-dht} wins); without {@code
 * --dht-node} it starts from the public routers.
 */
final class DhtOptions {
  /** Where the DHT listens unless told: any address, any free UDP port. */
  static final InetSocketAddress ANY_PORT = new InetSocketAddress(0);

  @Option(
      names = "--dht",
      negatable = true,
      description =
          "Find and announce peers in the Mainline DHT (default: off, on with --dht-node).")
  @Nullable Boolean enabled;

  @Option(
      names = "--dht-node",
      paramLabel = "HOST:PORT",
      converter = HostPort.class,
      description = "A DHT node to start from; repeat for more (default: the public routers).")
  List<InetSocketAddress> nodes = new ArrayList<>();

  @Option(
      names = "--dht-listen",
      paramLabel = "HOST:PORT",
      converter = HostPort.class,
      description = "The DHT's UDP address (default: 0.0.0.0:0, any free port).")
  @Nullable InetSocketAddress listen;

  /** The DHT settings these options ask for; empty for no DHT. */
  Optional<DhtSettings> settings() {
    boolean on = enabled != null ? enabled : !nodes.isEmpty() || listen != null;
    if (!on) {
      return Optional.empty();
    }
    return Optional.of(DhtSettings.of(listen == null ? ANY_PORT : listen, bootstrap(nodes)));
  }

  /** {@code nodes}, or the public routers (unresolved: resolved when the DHT starts) if none. */
  static List<InetSocketAddress> bootstrap(List<InetSocketAddress> nodes) {
    List<InetSocketAddress> bootstrap = new ArrayList<>(nodes);
    if (bootstrap.isEmpty()) {
      for (String router : DhtSettings.PUBLIC_ROUTERS) {
        int colon = router.lastIndexOf(':');
        bootstrap.add(
            InetSocketAddress.createUnresolved(
                router.substring(0, colon), Integer.parseInt(router.substring(colon + 1))));
      }
    }
    return bootstrap;
  }
}
