package org.equinode.cli;

import picocli.CommandLine.Command;

/** {@code equinode torrent ...}: work with torrent files. */
@Command(
    name = "torrent",
    mixinStandardHelpOptions = true,
    description = "Creates and inspects torrents.",
    subcommands = {TorrentCreateCommand.class, TorrentInfoCommand.class})
final class TorrentCommand implements Runnable {
  @SuppressWarnings("NullAway.Init") // injected by picocli
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
