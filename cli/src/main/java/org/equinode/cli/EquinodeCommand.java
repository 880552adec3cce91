package org.equinode.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code equinode}: the top of the command tree. */
@Command(
    name = "equinode",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "A peer-to-peer node: the EQ coin on a proof-of-work chain, and BitTorrent file sharing.",
      ""
    },
    footer = {"", "Run 'equinode COMMAND --help' for the options of a command."},
    subcommands = {
      HelpCommand.class,
      NodeCommand.class,
      DevnetCommand.class,
      RpcCommand.class,
      IdentityCommand.class,
      WalletCommand.class,
      ChainCommand.class,
      MineCommand.class,
      TorrentCommand.class,
      GetCommand.class,
      ShareCommand.class
    })
final class EquinodeCommand implements Runnable {
  @Mixin GlobalOptions global = new GlobalOptions();

  @SuppressWarnings("NullAway.Init") // injected by picocli before run()
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    // No command given: show what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs one command line and returns the process exit code: 0 on success, 1 when the command
   * failed, 2 when the command line itself was wrong.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, CommandEnvironment environment) {
    CommandLine commandLine =
        new CommandLine(new EquinodeCommand(), new CommandFactory(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(ErrorReporter::onBadCommandLine);
    commandLine.setExecutionExceptionHandler(ErrorReporter::onFailure);
    return commandLine.execute(args);
  }
}
