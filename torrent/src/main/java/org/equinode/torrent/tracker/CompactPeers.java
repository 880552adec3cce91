package org.equinode.torrent.tracker;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;

/**
 * Compact peer lists (BEP 23, BEP 7, BEP 15): addresses in network order, each followed by a 16-bit
 * port. IPv4 entries take {@link #V4_STRIDE} bytes, IPv6 ones {@link #V6_STRIDE}. A peer with port
 * 0 cannot be dialled and is dropped when reading.
 */
final class CompactPeers {
  /** Bytes per IPv4 peer. */
  static final int V4_STRIDE = 6;

  /** Bytes per IPv6 peer. */
  static final int V6_STRIDE = 18;

  private static final int V4_BYTES = 4;
  private static final int V6_BYTES = 16;

  private CompactPeers() {}

  /**
   * Appends the peers in {@code bytes[from, to)} to {@code out}, refusing a length that is not a
   * multiple of {@code stride} and a count that would take {@code out} past {@link
   * AnnounceResponse#MAX_PEERS}; both are checked before anything is read.
   */
  static void read(byte[] bytes, int from, int to, int stride, String what, List<PeerAddress> out) {
    int length = to - from;
    if (length % stride != 0) {
      throw new MalformedTrackerResponseException(
          what + " of " + length + " bytes is not a multiple of " + stride);
    }
    if (length / stride > AnnounceResponse.MAX_PEERS - out.size()) {
      throw new MalformedTrackerResponseException(
          "more than " + AnnounceResponse.MAX_PEERS + " peers in " + what);
    }
    int addressLength = stride - 2;
    for (int at = from; at < to; at += stride) {
      int port = ((bytes[at + addressLength] & 0xff) << 8) | (bytes[at + addressLength + 1] & 0xff);
      if (port != 0) {
        InetAddress address = literal(Arrays.copyOfRange(bytes, at, at + addressLength));
        out.add(new PeerAddress(new PeerHost.Ip(address), port));
      }
    }
  }

  /**
   * Writes {@code peer} in {@code stride} bytes: an IPv4 address as itself in 6 bytes or mapped
   * into IPv6 ({@code ::ffff:a.b.c.d}) in 18.
   *
   * @throws IllegalArgumentException for a host name, or an IPv6 address in 6 bytes
   */
  static void write(PeerAddress peer, int stride, ByteArrayOutputStream out) {
    if (!(peer.host() instanceof PeerHost.Ip ip)) {
      throw new IllegalArgumentException("a compact peer needs an IP address, not " + peer);
    }
    byte[] address = ip.address().getAddress();
    if (stride == V6_STRIDE && address.length == V4_BYTES) {
      byte[] mapped = new byte[V6_BYTES];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(address, 0, mapped, 12, V4_BYTES);
      address = mapped;
    }
    if (address.length != stride - 2) {
      throw new IllegalArgumentException(peer + " does not fit in " + stride + " bytes");
    }
    out.writeBytes(address);
    out.write(peer.port() >> 8);
    out.write(peer.port());
  }

  /** Whether {@code peer} is an IPv4 address. */
  static boolean isV4(PeerAddress peer) {
    return peer.host() instanceof PeerHost.Ip ip && ip.address() instanceof Inet4Address;
  }

  private static InetAddress literal(byte[] address) {
    try {
      // Literal bytes are never resolved; 16 bytes holding an IPv4-mapped address give an
      // Inet4Address.
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }
}
