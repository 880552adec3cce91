package org.equinode.api.torrent;

import org.equinode.api.RpcContext;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;
import org.equinode.torrent.metainfo.InfoHash;

/** {@code torrent.pause infohash}: closes the torrent's connections until it is resumed. */
public final class TorrentPauseMethod implements RpcMethod {
  private final TorrentHandle torrents;

  public TorrentPauseMethod(TorrentHandle torrents) {
    this.torrents = torrents;
  }

  @Override
  public String name() {
    return "torrent.pause";
  }

  @Override
  public String usage() {
    return "infohash";
  }

  @Override
  public String summary() {
    return "Pauses a torrent: no peers, no trackers; kept paused across restarts.";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost("infohash");
    InfoHash hash = TorrentParams.infoHash(params, 0, "infohash");
    return TorrentDetail.of(
        torrents.pause(hash).orElseThrow(() -> TorrentStatusMethod.notFound(hash)));
  }
}
