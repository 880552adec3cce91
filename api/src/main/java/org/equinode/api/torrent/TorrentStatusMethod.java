package org.equinode.api.torrent;

import org.equinode.api.RpcContext;
import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;
import org.equinode.torrent.metainfo.InfoHash;

/** {@code torrent.status infohash}: one torrent in detail, with each file's progress. */
public final class TorrentStatusMethod implements RpcMethod {
  private final TorrentHandle torrents;

  public TorrentStatusMethod(TorrentHandle torrents) {
    this.torrents = torrents;
  }

  @Override
  public String name() {
    return "torrent.status";
  }

  @Override
  public String usage() {
    return "infohash";
  }

  @Override
  public String summary() {
    return "One torrent: state, progress, rates, peers, ETA, and each file's progress.";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost("infohash");
    InfoHash hash = TorrentParams.infoHash(params, 0, "infohash");
    return TorrentDetail.of(torrents.find(hash).orElseThrow(() -> notFound(hash)));
  }

  /** The error for a torrent the node does not have. */
  static RpcException notFound(InfoHash hash) {
    return new RpcException(
        RpcErrorCode.TORRENT_NOT_FOUND, "no torrent " + hash.hex() + " in the node");
  }
}
