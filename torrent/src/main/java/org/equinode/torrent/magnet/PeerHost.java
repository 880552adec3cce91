package org.equinode.torrent.magnet;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** The host part of a peer address: an IP address literal or a DNS name (never resolved here). */
public sealed interface PeerHost permits PeerHost.Ip, PeerHost.Name {
  /** The longest host name, in characters (RFC 1035). */
  int MAX_NAME_LENGTH = 253;

  /** The longest label of a host name. */
  int MAX_LABEL_LENGTH = 63;

  /**
   * The host as written in a URI authority: {@code 1.2.3.4}, {@code [::1]}, {@code host.example}.
   */
  String uriForm();

  /** An IPv4 or IPv6 address. */
  record Ip(InetAddress address) implements PeerHost {
    @Override
    public String uriForm() {
      String text = address.getHostAddress();
      return address instanceof Inet6Address ? "[" + text + "]" : text;
    }
  }

  /**
   * A DNS name in lower case: dot-separated labels of letters, digits and hyphens, no label
   * starting or ending with a hyphen, the last label not all digits (that would be a malformed IPv4
   * address).
   */
  record Name(String name) implements PeerHost {
    public Name {
      String problem = problemWith(name);
      if (!problem.isEmpty()) {
        throw new IllegalArgumentException("bad host name '" + name + "': " + problem);
      }
    }

    @Override
    public String uriForm() {
      return name;
    }

    private static String problemWith(String name) {
      if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
        return "length " + name.length() + " is outside 1.." + MAX_NAME_LENGTH;
      }
      String[] labels = name.split("\\.", -1);
      for (String label : labels) {
        if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
          return "a label's length is outside 1.." + MAX_LABEL_LENGTH;
        }
        if (label.startsWith("-") || label.endsWith("-")) {
          return "a label starts or ends with '-'";
        }
        for (int i = 0; i < label.length(); i++) {
          char c = label.charAt(i);
          if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return "'" + c + "' is not a lower-case letter, digit or '-'";
          }
        }
      }
      if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
        return "the last label is all digits";
      }
      return "";
    }
  }

  /**
   * Parses {@code 1.2.3.4}, {@code [v6 address]} or a host name (ASCII letters in either case, kept
   * in lower case). No DNS lookup is made.
   *
   * @throws IllegalArgumentException if the text is none of these
   */
  static PeerHost parse(String text) {
    if (text.startsWith("[")) {
      if (!text.endsWith("]")) {
        throw new IllegalArgumentException("unclosed '[' in host '" + text + "'");
      }
      String literal = text.substring(1, text.length() - 1);
      return ip(IpLiteral.ipv6(literal), "bad IPv6 address '" + literal + "'");
    }
    Optional<byte[]> v4 = IpLiteral.ipv4(text);
    if (v4.isPresent()) {
      return ip(v4, "");
    }
    StringBuilder lower = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c);
    }
    return new Name(lower.toString());
  }

  private static PeerHost ip(Optional<byte[]> bytes, String problem) {
    try {
      // getByAddress with literal bytes never consults DNS.
      return new Ip(
          InetAddress.getByAddress(bytes.orElseThrow(() -> new IllegalArgumentException(problem))));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(problem, e);
    }
  }
}
