package org.equinode.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equinode.api.Json;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.CreatedTorrent;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.metainfo.TorrentCreator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code equinode torrent create PATH -o FILE.torrent}: makes a torrent of a file or folder. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Makes a .torrent of a file or a folder and prints its magnet link.",
      "Hidden files and symbolic links inside a folder are left out, and listed."
    })
final class TorrentCreateCommand extends Subcommand {
  @SuppressWarnings("NullAway.Init") // required parameter, set by picocli
  @Parameters(index = "0", paramLabel = "PATH", description = "The file or folder to share.")
  Path source;

  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE.torrent",
      description = "Where to write the torrent.")
  Path output;

  @Option(
      names = "--tracker",
      paramLabel = "URL",
      description = "A tracker to announce to; repeat for more (each its own tier).")
  List<String> trackers = new ArrayList<>();

  @Option(
      names = "--piece-size",
      paramLabel = "BYTES",
      description = "The piece size, a power of two (default: chosen for 1000 to 2000 pieces).")
  @Nullable Integer pieceSize;

  @Option(names = "--private", description = "Mark the torrent private (BEP 27).")
  boolean privateFlag;

  @Option(names = "--comment", paramLabel = "TEXT", description = "A comment in the torrent.")
  @Nullable String comment;

  @Option(names = "--force", description = "Overwrite FILE.torrent if it exists.")
  boolean force;

  @Mixin JsonOption json = new JsonOption();

  TorrentCreateCommand(CommandEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(source)) {
      throw new TorrentException("nothing to share: " + source + " does not exist");
    }
    if (Files.exists(output) && !force) {
      throw new TorrentException(output + " exists; use --force to overwrite it");
    }
    CreateOptions options = CreateOptions.none().withPrivate(privateFlag);
    if (!trackers.isEmpty()) {
      options = options.withTrackerTiers(trackers.stream().map(List::of).toList());
    }
    if (pieceSize != null) {
      options = options.withPieceLength(pieceSize);
    }
    if (comment != null) {
      options = options.withComment(comment);
    }
    CreatedTorrent created =
        new TorrentCreator(environment.time(), VersionProvider.version()).create(source, options);
    Metainfo metainfo = created.metainfo();
    OwnerOnlyFiles.writeAtomically(output, metainfo.encode());
    InfoDict info = metainfo.info();
    String magnet = MagnetLink.of(metainfo).toUri();
    if (json.enabled()) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("torrent", output.toString());
      result.put("infoHash", metainfo.infoHash().toString());
      result.put("magnet", magnet);
      result.put("name", info.name());
      result.put("files", info.files().size());
      result.put("bytes", info.totalLength());
      result.put("pieceSize", info.pieceLength());
      result.put("pieces", info.pieceCount());
      result.put("skipped", created.skipped().stream().map(Path::toString).toList());
      out().println(Json.mapper().writeValueAsString(result));
    } else {
      out()
          .printf(
              "created %s: %s, %d file(s), %s in %d pieces of %s%n",
              output,
              info.name(),
              info.files().size(),
              Sizes.bytes(info.totalLength()),
              info.pieceCount(),
              Sizes.bytes(info.pieceLength()));
      out().println("info-hash: " + metainfo.infoHash());
      out().println("magnet:    " + magnet);
      for (Path skipped : created.skipped()) {
        out().println("left out:  " + skipped + " (hidden or a symbolic link)");
      }
    }
    out().flush();
    return 0;
  }
}
