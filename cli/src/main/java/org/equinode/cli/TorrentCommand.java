package org.equinode.cli;

import picocli.CommandLine.Command;

/** {@code equinode torrent ...}: work with torrent files. */
@Command(
    name = "torrent",
    mixinStandardHelpOptions = true,
    description = "Creates and inspects torrents.",
    subcommands = {TorrentCreateCommand.class, TorrentInfoCommand.class})
final class TorrentCommand extends CommandGroup {}
