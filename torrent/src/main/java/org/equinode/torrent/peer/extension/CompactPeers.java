package org.equinode.torrent.peer.extension;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact peer format (BEP 23): an IPv4 address and a port in 6 bytes, or an IPv6 address and a
 * port in 18 (BEP 7), big-endian, one after the other.
 */
final class CompactPeers {
  /** The bytes of one IPv4 entry. */
  static final int IPV4_LENGTH = 6;

  /** The bytes of one IPv6 entry. */
  static final int IPV6_LENGTH = 18;

  private CompactPeers() {}

  /** Refuses an address that is not an IP literal with a port from 1 to 65535. */
  static void check(InetSocketAddress address) {
    if (address.isUnresolved() || address.getPort() == 0) {
      throw new IllegalArgumentException(
          "a peer is an IP address with a port from 1 to 65535, not " + address);
    }
  }

  /**
   * The entries of {@code bytes}, each {@code entryLength} bytes; port 0 comes back as port 0.
   *
   * @throws org.equinode.torrent.peer.PeerWireException if the length is not a multiple
   */
  static List<InetSocketAddress> decode(byte[] bytes, int entryLength, String key) {
    if (bytes.length % entryLength != 0) {
      throw ExtensionWire.malformed(
          key + " of " + bytes.length + " bytes is not a list of " + entryLength + "-byte peers");
    }
    List<InetSocketAddress> out = new ArrayList<>();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte[] ip = new byte[entryLength - 2];
    while (in.hasRemaining()) {
      in.get(ip);
      int port = Short.toUnsignedInt(in.getShort());
      out.add(new InetSocketAddress(address(ip), port));
    }
    return out;
  }

  /** An IPv4 address of 4 bytes, an IPv6 one (even IPv4-mapped) of 16; never a DNS lookup. */
  static InetAddress address(byte[] ip) {
    try {
      return ip.length == 4
          ? InetAddress.getByAddress(ip)
          : Inet6Address.getByAddress(null, ip, -1);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }

  /** Appends the entry of {@code address} to {@code out}. */
  static void write(InetSocketAddress address, ByteArrayOutputStream out) {
    out.writeBytes(address.getAddress().getAddress());
    out.write(address.getPort() >>> 8);
    out.write(address.getPort());
  }

  /** Whether {@code address} is written as an IPv4 entry. */
  static boolean isIpv4(InetSocketAddress address) {
    return address.getAddress() instanceof Inet4Address;
  }
}
