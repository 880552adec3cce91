package org.equinode.api.torrent;

import org.equinode.api.RpcContext;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;
import org.equinode.torrent.metainfo.InfoHash;

/** {@code torrent.resume infohash}: a paused torrent talks to peers and trackers again. */
public final class TorrentResumeMethod implements RpcMethod {
  private final TorrentHandle torrents;

  public TorrentResumeMethod(TorrentHandle torrents) {
    this.torrents = torrents;
  }

  @Override
  public String name() {
    return "torrent.resume";
  }

  @Override
  public String usage() {
    return "infohash";
  }

  @Override
  public String summary() {
    return "Resumes a paused torrent.";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost("infohash");
    InfoHash hash = TorrentParams.infoHash(params, 0, "infohash");
    return TorrentDetail.of(
        torrents.resume(hash).orElseThrow(() -> TorrentStatusMethod.notFound(hash)));
  }
}
