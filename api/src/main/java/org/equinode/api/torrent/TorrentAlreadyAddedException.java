package org.equinode.api.torrent;

import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.equinode.torrent.metainfo.InfoHash;

/** A torrent added twice: answered with {@link RpcErrorCode#TORRENT_ALREADY_ADDED}. */
public final class TorrentAlreadyAddedException extends RpcException {
  private static final long serialVersionUID = 1L;

  public TorrentAlreadyAddedException(InfoHash infoHash) {
    super(
        RpcErrorCode.TORRENT_ALREADY_ADDED,
        "torrent " + infoHash.hex() + " is in the node already");
  }
}
