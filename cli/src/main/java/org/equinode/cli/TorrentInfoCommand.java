package org.equinode.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equinode.api.Json;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.metainfo.FileEntry;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.Metainfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code equinode torrent info FILE.torrent|MAGNET}: what a torrent or magnet link holds. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Shows what a .torrent file or a magnet link describes, after checking it.")
final class TorrentInfoCommand extends Subcommand {
  @SuppressWarnings("NullAway.Init") // required parameter, set by picocli
  @Parameters(index = "0", paramLabel = "FILE.torrent|MAGNET", description = "What to show.")
  String what;

  @Mixin JsonOption json = new JsonOption();

  TorrentInfoCommand(CommandEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    if (what.startsWith("magnet:")) {
      MagnetLink magnet = MagnetLink.parse(what);
      result.put("infoHash", magnet.infoHash().toString());
      magnet.displayName().ifPresent(name -> result.put("name", name));
      result.put("trackers", magnet.trackers());
      result.put("peers", magnet.peers().stream().map(Object::toString).toList());
    } else {
      Metainfo metainfo = Metainfo.parse(TorrentArgument.readFile(Path.of(what)));
      InfoDict info = metainfo.info();
      result.put("infoHash", metainfo.infoHash().toString());
      result.put("name", info.name());
      result.put("bytes", info.totalLength());
      result.put("pieceSize", info.pieceLength());
      result.put("pieces", info.pieceCount());
      result.put("private", info.isPrivate());
      result.put("trackers", metainfo.trackerTiers());
      metainfo.comment().ifPresent(comment -> result.put("comment", comment));
      metainfo.createdBy().ifPresent(by -> result.put("createdBy", by));
      List<Map<String, Object>> files =
          info.files().stream().map(TorrentInfoCommand::describe).toList();
      result.put("files", files);
      result.put("magnet", MagnetLink.of(metainfo).toUri());
    }
    if (json.enabled()) {
      out().println(Json.mapper().writeValueAsString(result));
    } else {
      for (Map.Entry<String, Object> entry : result.entrySet()) {
        if (!entry.getKey().equals("files")) {
          out().printf("%-10s %s%n", entry.getKey() + ":", entry.getValue());
        }
      }
      if (!what.startsWith("magnet:")) {
        out().println("files:");
        for (FileEntry file :
            Metainfo.parse(TorrentArgument.readFile(Path.of(what))).info().files()) {
          out().printf("  %12s  %s%n", Sizes.bytes(file.length()), file.path());
        }
      }
    }
    out().flush();
    return 0;
  }

  private static Map<String, Object> describe(FileEntry file) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("path", file.path().toString());
    map.put("bytes", file.length());
    return map;
  }
}
