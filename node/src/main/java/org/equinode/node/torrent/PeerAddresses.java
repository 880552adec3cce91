package org.equinode.node.torrent;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;

/** Peer addresses as the node stores them: {@code HOST:PORT} text, never resolved. */
final class PeerAddresses {
  private PeerAddresses() {}

  /** {@code 1.2.3.4:6881} or {@code [::1]:6881}. */
  static String format(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** The socket address of stored text naming an IP address; empty for a name or bad text. */
  static Optional<InetSocketAddress> resolved(String text) {
    try {
      PeerAddress address = PeerAddress.parse(text);
      return address.host() instanceof PeerHost.Ip ip
          ? Optional.of(new InetSocketAddress(ip.address(), address.port()))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
