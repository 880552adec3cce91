package org.equinode.torrent.magnet;

import java.util.Optional;

/**
 * Parses IP address literals into bytes without ever asking DNS ({@code InetAddress.getByName}
 * would resolve anything that is not a literal). Strict: no leading zeros in IPv4 parts (some
 * parsers read them as octal), no IPv6 zone ids.
 */
final class IpLiteral {
  private static final int IPV4_BYTES = 4;
  private static final int IPV6_BYTES = 16;
  private static final int IPV6_GROUPS = 8;

  private IpLiteral() {}

  /** Four dotted decimal parts, 0-255 each, or empty if {@code text} is not one. */
  static Optional<byte[]> ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != IPV4_BYTES) {
      return Optional.empty();
    }
    byte[] out = new byte[IPV4_BYTES];
    for (int i = 0; i < IPV4_BYTES; i++) {
      int value = decimalByte(parts[i]);
      if (value < 0) {
        return Optional.empty();
      }
      out[i] = (byte) value;
    }
    return Optional.of(out);
  }

  private static int decimalByte(String part) {
    if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }

  /**
   * Eight colon-separated groups of one to four hex digits, with at most one {@code ::} standing
   * for one or more zero groups and optionally an IPv4 address in the last 32 bits; or empty.
   */
  static Optional<byte[]> ipv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    byte[] out = new byte[IPV6_BYTES];
    if (gap < 0) {
      return groups(text, out, 0, IPV6_GROUPS, true) == IPV6_GROUPS
          ? Optional.of(out)
          : Optional.empty();
    }
    byte[] head = new byte[IPV6_BYTES];
    byte[] tail = new byte[IPV6_BYTES];
    String before = text.substring(0, gap);
    String after = text.substring(gap + 2);
    int headGroups = before.isEmpty() ? 0 : groups(before, head, 0, IPV6_GROUPS - 1, false);
    int tailGroups = after.isEmpty() ? 0 : groups(after, tail, 0, IPV6_GROUPS - 1, true);
    if (headGroups < 0 || tailGroups < 0 || headGroups + tailGroups > IPV6_GROUPS - 1) {
      return Optional.empty();
    }
    System.arraycopy(head, 0, out, 0, 2 * headGroups);
    System.arraycopy(tail, 0, out, IPV6_BYTES - 2 * tailGroups, 2 * tailGroups);
    return Optional.of(out);
  }

  /**
   * Reads colon-separated groups into {@code out} from group {@code first}; returns how many groups
   * were read (an IPv4 tail counts two), or -1 if the text is malformed or has more than {@code
   * max}.
   */
  private static int groups(String text, byte[] out, int first, int max, boolean ipv4Tail) {
    String[] parts = text.split(":", -1);
    int group = first;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (ipv4Tail && i == parts.length - 1 && part.indexOf('.') >= 0) {
        Optional<byte[]> v4 = ipv4(part);
        if (v4.isEmpty() || group + 2 > max) {
          return -1;
        }
        System.arraycopy(v4.get(), 0, out, 2 * group, IPV4_BYTES);
        return group + 2 - first;
      }
      int value = hexGroup(part);
      if (value < 0 || group >= max) {
        return -1;
      }
      out[2 * group] = (byte) (value >> 8);
      out[2 * group + 1] = (byte) value;
      group++;
    }
    return group - first;
  }

  private static int hexGroup(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        digit = c - 'A' + 10;
      } else {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
