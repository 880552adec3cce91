package org.equinode.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
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
    footer = {"", "Run 'equinode COMMAND --help' for the options of a command."})
final class EquinodeCommand implements Runnable {
  /**
   * The commands, in the order help lists them. They are added by {@link #run}, not by the
   * annotation, so that a command line naming one of them builds only that one: picocli builds a
   * command tree by reflection, and the whole tree cost about half a CPU-second of every start.
   */
  static final List<Class<?>> COMMANDS =
      List.of(
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
          ShareCommand.class);

  /** The options of {@link GlobalOptions} that take a value. */
  private static final Set<String> GLOBAL_WITH_VALUE = Set.of("--network", "--datadir");

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
    for (Class<?> command : commandsFor(args)) {
      commandLine.addSubcommand(command);
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(ErrorReporter::onBadCommandLine);
    commandLine.setExecutionExceptionHandler(ErrorReporter::onFailure);
    return commandLine.execute(args);
  }

  /**
   * The command that {@code args} names, alone, if it names one other than {@code help} after the
   * global options; every command otherwise (help, a mistake, no command), so that what picocli
   * prints is the same as with the whole tree.
   */
  static List<Class<?>> commandsFor(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (GLOBAL_WITH_VALUE.contains(arg)) {
        i++; // its value
      } else if (!arg.startsWith("-")) {
        for (Class<?> command : COMMANDS) {
          Command annotation = command.getAnnotation(Command.class);
          if (annotation != null && command != HelpCommand.class && annotation.name().equals(arg)) {
            return List.of(command);
          }
        }
        return COMMANDS;
      }
    }
    return COMMANDS;
  }
}
