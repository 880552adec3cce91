package org.equinode.api.torrent;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.TorrentSource;

/**
 * What the torrent methods need of a node's torrents; the node implements it. Thread-safe. Methods
 * that name a torrent answer empty when the node does not have it.
 */
public interface TorrentHandle {
  /**
   * Adds a torrent and remembers it across restarts.
   *
   * @throws TorrentAlreadyAddedException if the node has it already
   * @throws org.equinode.torrent.TorrentException if the folder is not acceptable or the files
   *     cannot be used
   */
  TorrentEntry add(TorrentSource source, AddRequest request);

  /** Every torrent, in the order they were added. */
  List<TorrentEntry> torrents();

  Optional<TorrentEntry> find(InfoHash infoHash);

  Optional<TorrentEntry> pause(InfoHash infoHash);

  Optional<TorrentEntry> resume(InfoHash infoHash);

  /**
   * Removes a torrent and forgets it (its record goes first: a failure afterwards cannot bring it
   * back); with {@code deleteData} also deletes its own files (and the folders they made, once
   * empty), nothing else, as far as it can: what could not be deleted is listed in the answer.
   *
   * @return the torrent as it was, empty if the node did not have it
   * @throws org.equinode.torrent.TorrentException if its record cannot be deleted
   */
  Optional<TorrentRemoved> remove(InfoHash infoHash, boolean deleteData);

  /**
   * Changes one torrent's own rate limits: {@code change} maps its current limits to the new ones,
   * applied under the same lock as every other change (two partial updates both hold).
   */
  Optional<TorrentEntry> setLimits(InfoHash infoHash, UnaryOperator<RateLimits> change);

  /** The limits and connections of the whole engine. */
  EngineView engine();

  /**
   * Changes the engine's rate limits ({@code change} maps the current ones to the new ones, under
   * the lock of every change) and, if given, its connection cap.
   */
  EngineView setEngineLimits(UnaryOperator<RateLimits> change, Optional<Integer> maxConnections);

  /** Where peers may connect to the node's torrents. */
  Optional<InetSocketAddress> listenAddress();
}
