package org.equinode.torrent.magnet;

/**
 * Where a peer may be reached: a host and a TCP port from 1 to 65535. Written {@code host:port},
 * with an IPv6 address in brackets ({@code [::1]:6881}).
 */
public record PeerAddress(PeerHost host, int port) {
  /** The highest port. */
  public static final int MAX_PORT = 65_535;

  /** The most digits a port may be written with. */
  private static final int MAX_PORT_DIGITS = 5;

  public PeerAddress {
    if (port < 1 || port > MAX_PORT) {
      throw new IllegalArgumentException("port " + port + " is outside 1.." + MAX_PORT);
    }
  }

  /**
   * Parses {@code host:port}: an IPv4 address, an IPv6 address in brackets or a host name, then a
   * decimal port without leading zeros. No DNS lookup is made.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static PeerAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0 || (text.startsWith("[") && colon < text.indexOf(']'))) {
      throw new IllegalArgumentException("no port in '" + text + "'");
    }
    return new PeerAddress(
        PeerHost.parse(text.substring(0, colon)), port(text.substring(colon + 1)));
  }

  private static int port(String digits) {
    if (digits.isEmpty()
        || digits.length() > MAX_PORT_DIGITS
        || (digits.length() > 1 && digits.charAt(0) == '0')
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("bad port '" + digits + "'");
    }
    return Integer.parseInt(digits);
  }

  /** {@code host:port}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return host.uriForm() + ":" + port;
  }
}
