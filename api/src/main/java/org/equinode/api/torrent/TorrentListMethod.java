package org.equinode.api.torrent;

import org.equinode.api.RpcContext;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;

/** {@code torrent.list}: every torrent of the node, one line each. */
public final class TorrentListMethod implements RpcMethod {
  private final TorrentHandle torrents;

  public TorrentListMethod(TorrentHandle torrents) {
    this.torrents = torrents;
  }

  @Override
  public String name() {
    return "torrent.list";
  }

  @Override
  public String usage() {
    return "";
  }

  @Override
  public String summary() {
    return "Every torrent of the node: name, state, progress, rates, peers.";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost();
    return torrents.torrents().stream().map(TorrentSummary::of).toList();
  }
}
