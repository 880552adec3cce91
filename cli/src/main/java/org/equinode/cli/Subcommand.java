package org.equinode.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.equinode.node.DataDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code equinode} subcommand shares: the process environment, the global options of the
 * parent command, and its own output streams.
 */
abstract class Subcommand implements Callable<Integer> {
  final CommandEnvironment environment;

  @SuppressWarnings("NullAway.Init") // injected by picocli
  @Spec
  CommandSpec spec;

  Subcommand(CommandEnvironment environment) {
    this.environment = environment;
  }

  /** The data directory that {@code --network} and {@code --datadir} select. */
  DataDirectory dataDirectory() {
    return global().dataDirectory(environment);
  }

  /** The options of the {@code equinode} command itself, however deep this command sits. */
  GlobalOptions global() {
    return ((EquinodeCommand) spec.root().userObject()).global;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
