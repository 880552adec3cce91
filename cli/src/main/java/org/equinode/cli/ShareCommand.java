package org.equinode.cli;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.metainfo.TorrentCreator;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.SessionEnvironment;
import org.equinode.torrent.session.SessionSettings;
import org.equinode.torrent.session.StateFolder;
import org.equinode.torrent.session.StorageOpener;
import org.equinode.torrent.session.TorrentOptions;
import org.equinode.torrent.session.TorrentSession;
import org.equinode.torrent.session.TorrentSource;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code equinode share PATH}: makes a torrent of a file or folder and seeds it. */
@Command(
    name = "share",
    mixinStandardHelpOptions = true,
    description = {
      "Seeds a file or a folder and prints its magnet link.",
      "The torrent is made in memory; it seeds until Ctrl-C. Hidden files and symbolic links",
      "inside a folder are left out."
    })
final class ShareCommand extends Subcommand {
  /** Every interface, any free port. */
  static final InetSocketAddress ANY_PORT = new InetSocketAddress(0);

  @SuppressWarnings("NullAway.Init") // required parameter, set by picocli
  @Parameters(index = "0", paramLabel = "PATH", description = "The file or folder to share.")
  Path source;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      converter = HostPort.class,
      description = "Where peers connect to us (default: 0.0.0.0:0, any free port).")
  @Nullable InetSocketAddress listen;

  @Option(
      names = "--tracker",
      paramLabel = "URL",
      description = "A tracker to announce to; repeat for more (each its own tier).")
  List<String> trackers = new ArrayList<>();

  @Mixin UploadRateOption upload = new UploadRateOption();

  @Mixin DhtOptions dht = new DhtOptions();

  ShareCommand(CommandEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(source)) {
      throw new TorrentException("nothing to share: " + source + " does not exist");
    }
    Path path = source.toAbsolutePath().normalize();
    Path folder = path.getParent();
    if (folder == null) {
      throw new TorrentException("cannot share the root folder " + path);
    }
    CreateOptions options = CreateOptions.none();
    if (!trackers.isEmpty()) {
      options = options.withTrackerTiers(trackers.stream().map(List::of).toList());
    }
    err().println("hashing " + path + " ...");
    err().flush();
    Metainfo metainfo =
        new TorrentCreator(environment.time(), VersionProvider.version())
            .create(path, options)
            .metainfo();
    SessionSettings settings =
        SessionSettings.DEFAULTS
            .withListen(listen == null ? ANY_PORT : listen)
            .withClientName("Equinode " + VersionProvider.version())
            .withDht(dht.settings());
    StateFolder state = CommandStateFolder.of(dataDirectory().root(), metainfo.infoHash());
    ExecutorService pool = ForegroundSession.diskPool();
    try {
      TorrentSession session =
          TorrentSession.start(
              TorrentSource.of(metainfo),
              StorageOpener.sharing(folder, state, settings.storage(), pool, environment.time()),
              settings,
              new SessionEnvironment(
                  environment.time(), new SecureRandom(), new SecureRandom(), pool),
              new TorrentOptions(
                  false, false, new RateLimits(OptionalLong.empty(), upload.limit())));
      InetSocketAddress bound = session.listenAddress().orElseThrow();
      out().println("sharing " + path + " on " + HostPort.format(bound));
      out().println("info-hash: " + metainfo.infoHash());
      out().println("magnet:    " + magnet(metainfo, bound).toUri());
      session.dhtAddress().ifPresent(a -> out().println("DHT on " + HostPort.format(a)));
      out().flush();
      return ForegroundSession.run(session, ForegroundSession.Until.STOPPED, err(), s -> {});
    } finally {
      pool.shutdownNow();
    }
  }

  /** The torrent's magnet link, naming our address when we listen on loopback (tests, demos). */
  static MagnetLink magnet(Metainfo metainfo, InetSocketAddress bound) {
    MagnetLink plain = MagnetLink.of(metainfo);
    if (!bound.getAddress().isLoopbackAddress()) {
      return plain;
    }
    return new MagnetLink(
        plain.infoHash(),
        plain.displayName(),
        plain.trackers(),
        List.of(new PeerAddress(new PeerHost.Ip(bound.getAddress()), bound.getPort())));
  }
}
