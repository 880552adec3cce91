package org.equinode.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.equinode.common.Network;
import org.equinode.node.DataDirectory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after its name. */
public final class GlobalOptions {
  @Option(
      names = "--network",
      paramLabel = "dev|test|main",
      description = "The network to use (default: ${DEFAULT-VALUE}).",
      defaultValue = "dev",
      converter = NetworkConverter.class,
      scope = ScopeType.INHERIT)
  Network network = Network.DEV;

  @Option(
      names = "--datadir",
      paramLabel = "DIR",
      description = "The data directory (default: ~/.equinode/<network>).",
      scope = ScopeType.INHERIT)
  @Nullable Path dataDir;

  @Option(
      names = "--verbose",
      description = "Print a stack trace with errors, for reporting bugs.",
      scope = ScopeType.INHERIT)
  boolean verbose;

  /** The data directory these options select. */
  public DataDirectory dataDirectory(CommandEnvironment environment) {
    return DataDirectory.resolve(network, Optional.ofNullable(dataDir), environment.home());
  }

  /** Parses {@code --network} values with a message that lists the valid names. */
  static final class NetworkConverter implements picocli.CommandLine.ITypeConverter<Network> {
    @Override
    public Network convert(String value) {
      try {
        return Network.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
