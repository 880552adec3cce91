package org.equinode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.magnet.MagnetLink;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin DownloadOptions download = new DownloadOptions();

    Add(CommandEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      boolean magnet = MagnetLink.isMagnetUri(what);
      JsonNode torrent = magnet ? TextNode.valueOf(what) : NullNode.getInstance();
      JsonNode metainfo =
          magnet
              ? NullNode.getInstance()
              : TextNode.valueOf(
                  Base64.getEncoder().encodeToString(TorrentArgument.readFile(Path.of(what))));
      ArrayNode indexes = JsonNodeFactory.instance.arrayNode();
      if (download.files != null) {
        download.files.indexes().forEach(indexes::add);
      }
      ArrayNode peerList = JsonNodeFactory.instance.arrayNode();
      download.peers.forEach(p -> peerList.add(HostPort.format(p)));
      List<JsonNode> params =
          List.of(
              torrent,
              dir == null
                  ? NullNode.getInstance()
                  : TextNode.valueOf(dir.toAbsolutePath().normalize().toString()),
              BooleanNode.valueOf(paused),
              indexes,
              BooleanNode.valueOf(download.sequential),
              rate(download.maxDownloadRate),
              rate(download.upload.given()),
              peerList,
              metainfo);
      return print(call(Optional.empty(), "torrent.add", params));
    }

    private static JsonNode rate(@Nullable Long given) {
      return given == null ? NullNode.getInstance() : LongNode.valueOf(given);
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
