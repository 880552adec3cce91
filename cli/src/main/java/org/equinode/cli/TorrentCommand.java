package org.equinode.cli;

import picocli.CommandLine.Command;

/** {@code equinode torrent ...}: work with torrent files, and with the running node's torrents. */
@Command(
    name = "torrent",
    mixinStandardHelpOptions = true,
    description = "Creates and inspects torrents; adds and manages the running node's torrents.",
    subcommands = {
      TorrentCreateCommand.class,
      TorrentInfoCommand.class,
      TorrentNodeCommands.Add.class,
      TorrentNodeCommands.ListTorrents.class,
      TorrentNodeCommands.Status.class,
      TorrentNodeCommands.Pause.class,
      TorrentNodeCommands.Resume.class,
      TorrentNodeCommands.Remove.class
    })
final class TorrentCommand extends CommandGroup {}
