package org.equinode.api.torrent;

import org.equinode.api.RpcContext;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * {@code torrent.remove infohash [deleteData=false]}: the node forgets the torrent; its files stay
 * unless {@code deleteData}, which deletes the torrent's own files and nothing else; the answer
 * lists in {@code notDeleted} the files that could not be deleted (the torrent is removed anyway).
 */
public final class TorrentRemoveMethod implements RpcMethod {
  private final TorrentHandle torrents;

  public TorrentRemoveMethod(TorrentHandle torrents) {
    this.torrents = torrents;
  }

  @Override
  public String name() {
    return "torrent.remove";
  }

  @Override
  public String usage() {
    return "infohash [deleteData=false]";
  }

  @Override
  public String summary() {
    return "Removes a torrent; with deleteData also deletes its files (only its own).";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost("infohash", "deleteData");
    InfoHash hash = TorrentParams.infoHash(params, 0, "infohash");
    boolean deleteData = params.optionalBoolean(1, "deleteData").orElse(false);
    try {
      return TorrentRemovedView.of(
          torrents.remove(hash, deleteData).orElseThrow(() -> TorrentStatusMethod.notFound(hash)));
    } catch (TorrentException e) {
      throw TorrentAddMethod.failure(e);
    }
  }
}
