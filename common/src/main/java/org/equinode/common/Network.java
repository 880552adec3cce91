package org.equinode.common;

import java.util.Locale;

/** The three Equinode networks. Each has its own genesis block, address prefix and data folder. */
public enum Network {
  /** Development: 1-second blocks, mining on demand, for a local network on one machine. */
  DEV("dev", "deq", 28690),
  /** The public test network: worthless coins, the main network's rules. */
  TEST("test", "teq", 18690),
  /** The main network. */
  MAIN("main", "eq", 8690);

  private final String id;
  private final String addressPrefix;
  private final int p2pPort;

  Network(String id, String addressPrefix, int p2pPort) {
    this.id = id;
    this.addressPrefix = addressPrefix;
    this.p2pPort = p2pPort;
  }

  /** The TCP port a node listens on for its peers by default. */
  public int defaultP2pPort() {
    return p2pPort;
  }

  /** The loopback TCP port of the node's JSON-RPC server by default: one above the peer port. */
  public int defaultRpcPort() {
    return p2pPort + 1;
  }

  /** The short name used on the command line and as the data folder's name. */
  public String id() {
    return id;
  }

  /** The bech32m human-readable prefix of this network's addresses. */
  public String addressPrefix() {
    return addressPrefix;
  }

  /**
   * The network with this short name ({@code dev}, {@code test} or {@code main}), any case.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Network parse(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Network network : values()) {
      if (network.id.equals(lower)) {
        return network;
      }
    }
    throw new IllegalArgumentException(
        "unknown network '" + name + "' (expected dev, test or main)");
  }
}
