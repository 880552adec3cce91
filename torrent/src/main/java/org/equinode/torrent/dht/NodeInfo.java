package org.equinode.torrent.dht;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A node as a reply names it: its id and UDP address. Compact form (BEP 5): 20 bytes of id, 4 of
 * IPv4 address and 2 of port, {@link #COMPACT_LENGTH} in all.
 */
public record NodeInfo(NodeId id, InetSocketAddress address) {
  /** Bytes of one compact node. */
  public static final int COMPACT_LENGTH = NodeId.LENGTH + CompactAddress.LENGTH;

  /** The most nodes one {@code nodes} string may hold (we send 8; libtorrent at most 8 too). */
  public static final int MAX_NODES = 32;

  public NodeInfo {
    if (!CompactAddress.fits(address)) {
      throw new IllegalArgumentException("a DHT node has an IPv4 address, not " + address);
    }
  }

  /** Whether a query can be sent to this node (port 0 cannot be reached). */
  public boolean reachable() {
    return address.getPort() != 0;
  }

  /** The compact form of {@code nodes}, one after the other. */
  public static byte[] encode(List<NodeInfo> nodes) {
    byte[] out = new byte[nodes.size() * COMPACT_LENGTH];
    int at = 0;
    for (NodeInfo node : nodes) {
      System.arraycopy(node.id.bytes(), 0, out, at, NodeId.LENGTH);
      CompactAddress.writeTo(node.address, out, at + NodeId.LENGTH);
      at += COMPACT_LENGTH;
    }
    return out;
  }

  /**
   * The nodes of a compact {@code nodes} string, as they are (port 0 included: {@link #reachable}
   * tells the ones worth asking).
   *
   * @throws KrpcException for a length that is not a multiple of 26 or more than {@link #MAX_NODES}
   *     nodes (both checked before reading)
   */
  public static List<NodeInfo> decode(byte[] bytes) {
    if (bytes.length % COMPACT_LENGTH != 0) {
      throw new KrpcException(
          "'nodes' of " + bytes.length + " bytes is not a list of 26-byte nodes");
    }
    if (bytes.length / COMPACT_LENGTH > MAX_NODES) {
      throw new KrpcException(
          "'nodes' holds " + bytes.length / COMPACT_LENGTH + " nodes, more than " + MAX_NODES);
    }
    List<NodeInfo> out = new ArrayList<>(bytes.length / COMPACT_LENGTH);
    for (int at = 0; at < bytes.length; at += COMPACT_LENGTH) {
      byte[] id = new byte[NodeId.LENGTH];
      System.arraycopy(bytes, at, id, 0, NodeId.LENGTH);
      out.add(new NodeInfo(NodeId.of(id), CompactAddress.read(bytes, at + NodeId.LENGTH)));
    }
    return out;
  }
}
