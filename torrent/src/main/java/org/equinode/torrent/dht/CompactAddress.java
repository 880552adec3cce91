package org.equinode.torrent.dht;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 address and port in 6 bytes, big-endian (BEP 5's "compact IP-address/port info", the tail
 * of a compact node and BEP 42's {@code ip}). Only IPv4: this DHT is the IPv4 one.
 */
final class CompactAddress {
  /** Bytes of one address and port. */
  static final int LENGTH = 6;

  private CompactAddress() {}

  /** Whether {@code address} can be written: an IPv4 literal. */
  static boolean fits(InetSocketAddress address) {
    return !address.isUnresolved() && address.getAddress() instanceof Inet4Address;
  }

  /** The 6 bytes of {@code address}. */
  static byte[] encode(InetSocketAddress address) {
    if (!fits(address)) {
      throw new IllegalArgumentException("a compact address is IPv4, not " + address);
    }
    byte[] out = new byte[LENGTH];
    writeTo(address, out, 0);
    return out;
  }

  static void writeTo(InetSocketAddress address, byte[] out, int at) {
    System.arraycopy(address.getAddress().getAddress(), 0, out, at, 4);
    out[at + 4] = (byte) (address.getPort() >>> 8);
    out[at + 5] = (byte) address.getPort();
  }

  /** The address in {@code bytes[at, at + 6)}; never a DNS lookup. */
  static InetSocketAddress read(byte[] bytes, int at) {
    int port = ((bytes[at + 4] & 0xff) << 8) | (bytes[at + 5] & 0xff);
    try {
      InetAddress ip = InetAddress.getByAddress(Arrays.copyOfRange(bytes, at, at + 4));
      return new InetSocketAddress(ip, port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an address", e);
    }
  }

  /**
   * The address of exactly 6 bytes.
   *
   * @throws KrpcException for another length
   */
  static InetSocketAddress decode(byte[] bytes, String what) {
    if (bytes.length != LENGTH) {
      throw new KrpcException(what + " is " + bytes.length + " bytes, not 6");
    }
    return read(bytes, 0);
  }
}
