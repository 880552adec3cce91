package org.equinode.api.torrent;

import java.util.List;
import org.equinode.api.RpcMethod;

/** Every torrent method over a node's {@link TorrentHandle}. */
public final class TorrentMethods {
  private TorrentMethods() {}

  public static List<RpcMethod> all(TorrentHandle torrents) {
    return List.of(
        new TorrentAddMethod(torrents),
        new TorrentListMethod(torrents),
        new TorrentStatusMethod(torrents),
        new TorrentPauseMethod(torrents),
        new TorrentResumeMethod(torrents),
        new TorrentRemoveMethod(torrents),
        new TorrentSetLimitsMethod(torrents));
  }
}
