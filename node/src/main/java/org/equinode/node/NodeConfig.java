package org.equinode.node;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Optional;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.torrent.dht.DhtSettings;

/**
 * Everything a node is started with. Every port, path and clock is passed in, so that many nodes
 * can live in one JVM.
 *
 * @param dataDirectory where the node keeps its files
 * @param rpcAddress where the JSON-RPC server listens (port 0: any free port)
 * @param time the clock
 * @param random the source of keys and tokens
 * @param minerThreads the threads the CPU miner grinds on
 * @param torrentListen where the torrent engine accepts peers (port 0: any free port); empty for
 *     none: the node's torrents only call out (to peers given, from peer exchange, the DHT)
 * @param torrentDht the Mainline DHT node of the torrent engine, if it runs one: where it listens
 *     and the nodes it starts from (those it knew when it last stopped, kept in the data directory,
 *     are added to them)
 * @param reindexChainState rebuild the chain state (block index, coins, transaction index) from the
 *     stored blocks before starting, as bitcoind's {@code -reindex-chainstate} does: the repair for
 *     a state the node refuses to open
 */
public record NodeConfig(
    DataDirectory dataDirectory,
    InetSocketAddress rpcAddress,
    TimeSource time,
    SecureRandom random,
    int minerThreads,
    Optional<InetSocketAddress> torrentListen,
    Optional<DhtSettings> torrentDht,
    boolean reindexChainState) {
  /** The miner's threads by default: one, so that a node never takes a whole machine unasked. */
  public static final int DEFAULT_MINER_THREADS = 1;

  private static final InetAddress LOOPBACK = loopback();

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("127.0.0.1 is a valid address", e);
    }
  }

  /**
   * The defaults for a data directory: JSON-RPC on 127.0.0.1 at the network's port, torrents on
   * 127.0.0.1 at {@link #defaultTorrentPort}.
   */
  public static NodeConfig defaults(DataDirectory dataDirectory) {
    return new NodeConfig(
        dataDirectory,
        new InetSocketAddress(LOOPBACK, dataDirectory.network().defaultRpcPort()),
        TimeSource.system(),
        new SecureRandom(),
        DEFAULT_MINER_THREADS,
        Optional.of(new InetSocketAddress(LOOPBACK, defaultTorrentPort(dataDirectory.network()))),
        Optional.empty(),
        false);
  }

  /**
   * JSON-RPC and torrents each on 127.0.0.1 at any free port, the system clock, one miner thread:
   * for nodes that share a machine with others, as tests and embedding programs run them.
   */
  public static NodeConfig loopback(DataDirectory dataDirectory) {
    return new NodeConfig(
        dataDirectory,
        new InetSocketAddress(LOOPBACK, 0),
        TimeSource.system(),
        new SecureRandom(),
        DEFAULT_MINER_THREADS,
        Optional.of(new InetSocketAddress(LOOPBACK, 0)),
        Optional.empty(),
        false);
  }

  /**
   * The torrent engine's port by default: two above the network's peer port on the test and main
   * networks (a fixed port that trackers and peers keep knowing across restarts), any free port on
   * the dev network, where several nodes share one machine.
   */
  public static int defaultTorrentPort(Network network) {
    return network == Network.DEV ? 0 : network.defaultP2pPort() + 2;
  }

  public NodeConfig withTime(TimeSource clock) {
    return new NodeConfig(
        dataDirectory,
        rpcAddress,
        clock,
        random,
        minerThreads,
        torrentListen,
        torrentDht,
        reindexChainState);
  }

  public NodeConfig withRpcAddress(InetSocketAddress address) {
    return new NodeConfig(
        dataDirectory,
        address,
        time,
        random,
        minerThreads,
        torrentListen,
        torrentDht,
        reindexChainState);
  }

  public NodeConfig withTorrentListen(InetSocketAddress address) {
    return new NodeConfig(
        dataDirectory,
        rpcAddress,
        time,
        random,
        minerThreads,
        Optional.of(address),
        torrentDht,
        reindexChainState);
  }

  /**
   * This configuration with no torrent listener: the node's torrents connect out only, for a node
   * that cannot or should not accept connections (no port is bound, none is announced).
   */
  public NodeConfig withoutTorrentListener() {
    return new NodeConfig(
        dataDirectory,
        rpcAddress,
        time,
        random,
        minerThreads,
        Optional.empty(),
        torrentDht,
        reindexChainState);
  }

  /** This configuration with the torrent engine running a DHT node as {@code dht} says. */
  public NodeConfig withTorrentDht(DhtSettings dht) {
    return new NodeConfig(
        dataDirectory,
        rpcAddress,
        time,
        random,
        minerThreads,
        torrentListen,
        Optional.of(dht),
        reindexChainState);
  }

  /** This configuration, rebuilding the chain state from the stored blocks before starting. */
  public NodeConfig withReindexChainState() {
    return new NodeConfig(
        dataDirectory, rpcAddress, time, random, minerThreads, torrentListen, torrentDht, true);
  }
}
