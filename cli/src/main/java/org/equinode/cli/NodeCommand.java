package org.equinode.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.equinode.node.DataDirectory;
import org.equinode.node.Node;
import org.equinode.node.NodeConfig;
import org.equinode.node.NodeException;
import org.equinode.torrent.dht.DhtSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code equinode node}: runs one node in the foreground. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a node in the foreground until Ctrl-C, SIGTERM, or the JSON-RPC call 'stop'.",
      "Other commands (rpc, ...) find it through <datadir>/rpc.cookie."
    })
final class NodeCommand extends Subcommand {
  @Option(
      names = "--rpc",
      paramLabel = "HOST:PORT",
      converter = HostPort.class,
      description = "Where JSON-RPC listens, on loopback only (default: 127.0.0.1:<network port>).")
  @Nullable InetSocketAddress rpc;

  @Option(
      names = "--torrent-listen",
      paramLabel = "HOST:PORT|none",
      converter = ListenAddress.Converter.class,
      description =
          "Where the node's torrents accept peers (default: 127.0.0.1, port 0 (any) on dev,"
              + " the network's peer port + 2 on test and main). 'none': accept no one, only"
              + " call out to peers (given ones, from peer exchange and the DHT; trackers are"
              + " not asked, as an announce must name a port).")
  @Nullable ListenAddress torrentListen;

  @Option(
      names = "--reindex-chainstate",
      description =
          "Rebuild the chain state (coins, block and transaction index) from the stored blocks,"
              + " checking each again, before starting: the repair when the node refuses a"
              + " damaged or half-rebuilt state.")
  boolean reindexChainState;

  @Mixin NodeDhtOptions dht = new NodeDhtOptions();

  NodeCommand(CommandEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() throws InterruptedException {
    DataDirectory dataDirectory = dataDirectory();
    NodeConfig config = NodeConfig.defaults(dataDirectory);
    if (rpc != null) {
      if (!rpc.getAddress().isLoopbackAddress()) {
        throw new NodeException(
            "JSON-RPC listens on loopback only (127.0.0.0/8 or ::1), not " + rpc.getAddress());
      }
      config = config.withRpcAddress(rpc);
    }
    if (torrentListen != null) {
      config =
          torrentListen
              .address()
              .map(config::withTorrentListen)
              .orElseGet(config::withoutTorrentListener);
    }
    Optional<DhtSettings> dhtSettings = dht.settings(config.torrentListen());
    if (dhtSettings.isPresent()) {
      config = config.withTorrentDht(dhtSettings.get());
    }
    if (reindexChainState) {
      config = config.withReindexChainState();
    }
    Node node = Node.start(config, VersionProvider.version());
    Thread hook = new Thread(node::close, "equinode-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = out();
    out.printf(
        "equinode %s: %s network, data in %s%n",
        VersionProvider.version(), dataDirectory.network().id(), dataDirectory.root());
    out.printf(
        "JSON-RPC on %s (token in %s)%n",
        node.rpcCookie().url(), dataDirectory.root().resolve("rpc.cookie"));
    out.printf(
        "torrents on %s%n",
        node.torrents()
            .listenAddress()
            .map(HostPort::format)
            .orElse("no listener (outbound connections only)"));
    node.torrents()
        .dhtAddress()
        .ifPresent(address -> out.printf("torrent DHT on %s (UDP)%n", HostPort.format(address)));
    out.println("Try: ./equinode rpc help     Stop with Ctrl-C or ./equinode rpc stop");
    out.flush();
    try {
      node.awaitStop();
    } finally {
      node.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already running the hook; it closes the node, which is closed already.
      }
    }
    out.println("equinode: stopped");
    return 0;
  }
}
