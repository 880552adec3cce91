package org.equinode.cli;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;

/**
 * A listening address given on the command line: {@code HOST:PORT}, or {@code none} for no listener
 * at all.
 *
 * @param address where to listen; empty for {@code none}
 */
record ListenAddress(Optional<InetSocketAddress> address) {
  /** The word that asks for no listener. */
  static final String NONE = "none";

  /** Parses {@code none} or {@code HOST:PORT} as {@link HostPort} does. */
  static final class Converter implements ITypeConverter<ListenAddress> {
    @Override
    public ListenAddress convert(String value) {
      if (value.trim().toLowerCase(Locale.ROOT).equals(NONE)) {
        return new ListenAddress(Optional.empty());
      }
      return new ListenAddress(Optional.of(new HostPort().convert(value)));
    }
  }
}
