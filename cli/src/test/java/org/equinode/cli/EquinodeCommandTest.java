package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EquinodeCommandTest {
  @TempDir Path home;

  @Test
  void buildsOnlyTheCommandTheLineNames() {
    assertThat(EquinodeCommand.commandsFor(new String[] {"--datadir", "d", "get", "x.torrent"}))
        .containsExactly(GetCommand.class);
    assertThat(EquinodeCommand.commandsFor(new String[] {"--verbose", "torrent", "create"}))
        .containsExactly(TorrentCommand.class);
    assertThat(EquinodeCommand.commandsFor(new String[] {"--network", "get"}))
        .isEqualTo(EquinodeCommand.COMMANDS); // "get" is the network here
    assertThat(EquinodeCommand.commandsFor(new String[] {"help", "get"}))
        .isEqualTo(EquinodeCommand.COMMANDS);
    assertThat(EquinodeCommand.commandsFor(new String[] {"gett"}))
        .isEqualTo(EquinodeCommand.COMMANDS);
    assertThat(EquinodeCommand.commandsFor(new String[] {"--help"}))
        .isEqualTo(EquinodeCommand.COMMANDS);
  }

  @Test
  void printsTheVersion() {
    CommandRunner.Result result = new CommandRunner(home).run("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("equinode 0.").contains("Java ");
  }

  @Test
  void helpListsTheCommandsAndGlobalOptions() {
    CommandRunner.Result result = new CommandRunner(home).run("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--network", "--datadir", "--verbose", "Commands:", "help");
  }

  @Test
  void noCommandShowsUsage() {
    CommandRunner.Result result = new CommandRunner(home).run();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: equinode");
  }

  @Test
  void aBadNetworkIsOneClearLineAndExitCodeTwo() {
    CommandRunner.Result result = new CommandRunner(home).run("--network", "regtest");
    assertThat(result.exitCode()).isEqualTo(ErrorReporter.USAGE);
    assertThat(result.err())
        .startsWith(
            "equinode: Invalid value for option '--network': unknown network 'regtest' (expected"
                + " dev, test or main)")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void anUnknownCommandIsRefused() {
    CommandRunner.Result result = new CommandRunner(home).run("frobnicate");
    assertThat(result.exitCode()).isEqualTo(ErrorReporter.USAGE);
    assertThat(result.err()).contains("'frobnicate'").contains("--help");
  }
}
