package org.equinode.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code HOST:PORT} (IPv6 as {@code [::1]:PORT}) into a resolved socket address. */
final class HostPort implements ITypeConverter<InetSocketAddress> {
  /** {@code HOST:PORT} as people write it ({@code [::1]:PORT} for IPv6). */
  static String format(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  @Override
  public InetSocketAddress convert(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new TypeConversionException("expected HOST:PORT, got '" + value + "'");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new TypeConversionException("bad port in '" + value + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new TypeConversionException("port " + port + " is outside 0..65535");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new TypeConversionException("unknown host '" + host + "'");
    }
  }
}
