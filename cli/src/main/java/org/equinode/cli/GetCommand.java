package org.equinode.cli;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.session.SessionEnvironment;
import org.equinode.torrent.session.SessionSettings;
import org.equinode.torrent.session.StateFolder;
import org.equinode.torrent.session.StorageOpener;
import org.equinode.torrent.session.TorrentSession;
import org.equinode.torrent.session.TorrentSource;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code equinode get MAGNET|FILE.torrent}: downloads a torrent, then seeds it if asked to. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Downloads what a magnet link or a .torrent file describes, showing progress on stderr.",
      "Exits once every piece is verified, or keeps seeding until Ctrl-C with --seed.",
      "Interrupted downloads resume: state is kept in <datadir>/cli-torrents/<info-hash>/."
    })
final class GetCommand extends Subcommand {
  @SuppressWarnings("NullAway.Init") // required parameter, set by picocli
  @Parameters(index = "0", paramLabel = "MAGNET|FILE.torrent", description = "What to download.")
  String what;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to put the files (default: the current folder).")
  @Nullable Path dir;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      converter = HostPort.class,
      description = "Where peers may connect to us (default: 0.0.0.0:0, any free port).")
  @Nullable InetSocketAddress listen;

  @Option(names = "--seed", description = "Keep seeding after the download, until Ctrl-C.")
  boolean seed;

  @Mixin DownloadOptions download = new DownloadOptions();

  @Mixin DhtOptions dht = new DhtOptions();

  GetCommand(CommandEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() throws Exception {
    TorrentSource source = TorrentArgument.source(what);
    StateFolder state = CommandStateFolder.of(dataDirectory().root(), source.infoHash());
    if (source.info().isEmpty()) {
      source = state.loadMetadata().map(source::withInfo).orElse(source);
    }
    Path downloads = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
    Path stateFolder = state.path().toAbsolutePath().normalize();
    if (stateFolder.startsWith(downloads)) {
      throw new TorrentException(
          "the download folder "
              + downloads
              + " holds the data directory; choose another folder with --dir");
    }
    Files.createDirectories(downloads);
    SessionSettings settings =
        SessionSettings.DEFAULTS
            .withListen(listen == null ? ShareCommand.ANY_PORT : listen)
            .withClientName("Equinode " + VersionProvider.version())
            .withDht(dht.settings());
    ExecutorService pool = ForegroundSession.diskPool();
    try {
      TorrentSession session =
          TorrentSession.start(
              source,
              StorageOpener.onDisk(
                  downloads,
                  state,
                  download.selection(),
                  settings.storage(),
                  pool,
                  environment.time()),
              settings,
              new SessionEnvironment(
                  environment.time(), new SecureRandom(), new SecureRandom(), pool),
              download.options());
      download.peers.forEach(session::addPeer);
      out()
          .printf(
              "getting %s (%s) into %s, listening on %s%n",
              source.name(),
              source.infoHash(),
              downloads,
              session.listenAddress().map(HostPort::format).orElse("nothing"));
      session.dhtAddress().ifPresent(a -> out().println("DHT on " + HostPort.format(a)));
      out().flush();
      return ForegroundSession.run(
          session,
          seed ? ForegroundSession.Until.STOPPED : ForegroundSession.Until.COMPLETE,
          err(),
          status -> {
            out()
                .printf(
                    "done: %s, %s verified in %s%n",
                    status.name(), Sizes.bytes(status.wantedBytes()), downloads);
            if (seed) {
              out().println("seeding until Ctrl-C");
            }
            out().flush();
          });
    } finally {
      pool.shutdownNow();
    }
  }
}
