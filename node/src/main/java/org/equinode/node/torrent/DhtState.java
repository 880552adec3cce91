package org.equinode.node.torrent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.equinode.api.Json;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.dht.Dht;
import org.equinode.torrent.dht.DhtSettings;
import org.equinode.torrent.dht.NodeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DHT nodes the engine knew when it last stopped, in {@code torrents/dht.json}, so that a
 * restart asks them first instead of starting cold from the configured bootstrap nodes (BEP 5:
 * clients keep their routing table across sessions). Only addresses are kept: the node id is drawn
 * again at each start.
 */
final class DhtState {
  static final String FILE = "dht.json";

  /** The largest file read back. */
  static final long MAX_BYTES = 64 * 1024;

  /** Nodes saved at most (the closest to our id); the bootstrap list takes no more in all. */
  static final int MAX_SAVED = DhtSettings.MAX_BOOTSTRAP_NODES / 2;

  /** What is saved: {@code HOST:PORT} of each node. */
  record Saved(List<String> nodes) {
    Saved {
      nodes = List.copyOf(nodes);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(DhtState.class);

  private final Path folder;

  DhtState(Path folder) {
    this.folder = folder;
  }

  /**
   * {@code settings} with the saved nodes asked first, then the configured ones, as many as a
   * bootstrap list takes. A missing or damaged file changes nothing (it is logged).
   */
  DhtSettings withSavedNodes(DhtSettings settings) {
    Set<InetSocketAddress> nodes = new LinkedHashSet<>(load());
    nodes.addAll(settings.bootstrap());
    List<InetSocketAddress> bootstrap =
        new ArrayList<>(nodes).subList(0, Math.min(nodes.size(), DhtSettings.MAX_BOOTSTRAP_NODES));
    return new DhtSettings(
        settings.listen(),
        bootstrap,
        settings.externalAddress(),
        settings.queryTimeout(),
        settings.reannounce(),
        settings.retryWhenEmpty(),
        settings.queriesPerSecond());
  }

  /** The saved nodes; empty if there is no readable file. */
  List<InetSocketAddress> load() {
    Path file = folder.resolve(FILE);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return List.of();
      }
      Saved saved = Json.mapper().readValue(file.toFile(), Saved.class);
      List<InetSocketAddress> nodes = new ArrayList<>();
      for (String text : saved.nodes()) {
        if (nodes.size() == MAX_SAVED) {
          break;
        }
        PeerAddresses.resolved(text).ifPresent(nodes::add);
      }
      return nodes;
    } catch (IOException | RuntimeException e) {
      log.warn("{} ignored: {}", file, e.getMessage());
      return List.of();
    }
  }

  /** Saves the nodes of {@code dht}'s routing table closest to its id; none known, nothing kept. */
  void save(Dht dht) {
    List<NodeInfo> closest = dht.node().closest(dht.id(), MAX_SAVED);
    if (closest.isEmpty()) {
      return;
    }
    List<String> nodes = closest.stream().map(n -> PeerAddresses.format(n.address())).toList();
    OwnerOnlyFiles.createFolder(folder);
    try {
      OwnerOnlyFiles.writeAtomically(
          folder.resolve(FILE), Json.mapper().writeValueAsBytes(new Saved(nodes)));
    } catch (IOException e) {
      throw new TorrentException("cannot save the DHT nodes " + folder.resolve(FILE) + ": " + e, e);
    }
  }
}
