package org.equinode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.session.FileSelection;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code equinode torrent add|list|status|pause|resume|remove}: the running node's torrents, over
 * its JSON-RPC ({@code torrent.*} methods).
 */
final class TorrentNodeCommands {
  private TorrentNodeCommands() {}

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds a magnet link or a .torrent file to the running node, which downloads and seeds it.",
        "A .torrent file is read here and sent to the node; --dir is a folder on the node's machine."
      })
  static final class Add extends NodeCall {
    @SuppressWarnings("NullAway.Init") // required parameter
    @Parameters(index = "0", paramLabel = "MAGNET|FILE.torrent")
    String what;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "Where the files go (default: <datadir>/downloads).")
    @Nullable Path dir;

    @Option(names = "--paused", description = "Add it without starting.")
    boolean paused;

    @Option(
        names = "--files",
        paramLabel = "I,J,...",
        converter = FileIndexes.class,
        description = "Only these files (indexes as 'torrent info' lists them, 0 first).")
    @Nullable FileSelection files;

    @Option(
        names = "--sequential",
        description = "Download pieces in order (to play while downloading).")
    boolean sequential;

    @Option(
        names = "--max-download-rate",
        paramLabel = "RATE",
        converter = Rate.class,
        description = "This torrent's download limit: bytes/s, or 500k, 2m.")
    @Nullable Long maxDownloadRate;

    @Option(
        names = "--max-upload-rate",
        paramLabel = "RATE",
        converter = Rate.class,
        description = "This torrent's upload limit: bytes/s, or 500k, 2m.")
    @Nullable Long maxUploadRate;

    @Option(
        names = "--peer",
        paramLabel = "HOST:PORT",
        converter = HostPort.class,
        description = "A peer to connect to; repeat for more.")
    List<InetSocketAddress> peers = new ArrayList<>();

    Add(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      boolean magnet = what.regionMatches(true, 0, "magnet:", 0, "magnet:".length());
      JsonNode torrent = magnet ? TextNode.valueOf(what) : NullNode.getInstance();
      JsonNode metainfo = magnet ? NullNode.getInstance() : TextNode.valueOf(base64(Path.of(what)));
      ArrayNode indexes = JsonNodeFactory.instance.arrayNode();
      if (files != null) {
        files.indexes().forEach(indexes::add);
      }
      ArrayNode peerList = JsonNodeFactory.instance.arrayNode();
      peers.forEach(p -> peerList.add(HostPort.format(p)));
      List<JsonNode> params =
          List.of(
              torrent,
              dir == null
                  ? NullNode.getInstance()
                  : TextNode.valueOf(dir.toAbsolutePath().normalize().toString()),
              BooleanNode.valueOf(paused),
              indexes,
              BooleanNode.valueOf(sequential),
              maxDownloadRate == null ? NullNode.getInstance() : LongNode.valueOf(maxDownloadRate),
              maxUploadRate == null ? NullNode.getInstance() : LongNode.valueOf(maxUploadRate),
              peerList,
              metainfo);
      return print(call(Optional.empty(), "torrent.add", params));
    }

    private static String base64(Path file) {
      try {
        if (Files.size(file) > Metainfo.MAX_TORRENT_BYTES) {
          throw new TorrentException(file + " is larger than any torrent file");
        }
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new TorrentException(
            "cannot read " + file + " (give a magnet link or a .torrent file): " + e.getMessage(),
            e);
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The node's torrents.")
  static final class ListTorrents extends NodeCall {
    ListTorrents(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return print(call(Optional.empty(), "torrent.list", List.of()));
    }
  }

  /** A command that names one torrent by its info-hash. */
  abstract static class OneTorrent extends NodeCall {
    @SuppressWarnings("NullAway.Init") // required parameter
    @Parameters(index = "0", paramLabel = "INFOHASH", description = "The torrent, in hex.")
    String infoHash;

    OneTorrent(CommandEnvironment environment) {
      super(environment);
    }

    int callWith(String method, JsonNode... more) {
      List<JsonNode> params = new ArrayList<>();
      params.add(TextNode.valueOf(infoHash));
      params.addAll(List.of(more));
      return print(call(Optional.empty(), method, params));
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "One torrent: progress, rates, peers, ETA, each file.")
  static final class Status extends OneTorrent {
    Status(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return callWith("torrent.status");
    }
  }

  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Pauses a torrent (it stays paused across restarts).")
  static final class Pause extends OneTorrent {
    Pause(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return callWith("torrent.pause");
    }
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Resumes a paused torrent.")
  static final class Resume extends OneTorrent {
    Resume(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return callWith("torrent.resume");
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Removes a torrent from the node; its files stay unless --delete-data.")
  static final class Remove extends OneTorrent {
    @Option(names = "--delete-data", description = "Also delete the torrent's files (only those).")
    boolean deleteData;

    Remove(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      return callWith("torrent.remove", BooleanNode.valueOf(deleteData));
    }
  }
}
