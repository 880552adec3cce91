package org.equinode.torrent.session;

import java.util.List;
import java.util.Optional;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.metainfo.Metainfo;

/**
 * What a session downloads: the info-hash, the metadata if known (from a {@code .torrent}, or saved
 * by an earlier session of a magnet link), tracker tiers and peers to try.
 */
public record TorrentSource(
    InfoHash infoHash,
    Optional<InfoDict> info,
    List<List<String>> trackerTiers,
    List<PeerAddress> peers,
    Optional<String> displayName) {
  public TorrentSource {
    trackerTiers = trackerTiers.stream().map(List::copyOf).toList();
    peers = List.copyOf(peers);
    if (info.isPresent() && !info.get().hash().equals(infoHash)) {
      throw new IllegalArgumentException(
          "metadata of " + info.get().hash() + " for torrent " + infoHash);
    }
  }

  /** A {@code .torrent}: its metadata and trackers. */
  public static TorrentSource of(Metainfo metainfo) {
    return new TorrentSource(
        metainfo.infoHash(),
        Optional.of(metainfo.info()),
        metainfo.trackerTiers(),
        List.of(),
        Optional.of(metainfo.info().name()));
  }

  /** A magnet link: the metadata comes from peers; each tracker is a tier of its own. */
  public static TorrentSource of(MagnetLink magnet) {
    return new TorrentSource(
        magnet.infoHash(),
        Optional.empty(),
        magnet.trackers().stream().map(List::of).toList(),
        magnet.peers(),
        magnet.displayName());
  }

  /** This source with metadata already known (saved by an earlier session). */
  public TorrentSource withInfo(InfoDict known) {
    return new TorrentSource(infoHash, Optional.of(known), trackerTiers, peers, displayName);
  }

  /** The torrent's name: from the metadata, else the magnet's {@code dn}, else the info-hash. */
  public String name() {
    return info.map(InfoDict::name).or(() -> displayName).orElse(infoHash.hex());
  }
}
