package org.equinode.api.torrent;

import java.util.Optional;
import org.equinode.api.RpcContext;
import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.TorrentSource;

/**
 * {@code torrent.add}: a magnet link, a {@code .torrent} path on the node's machine, or a {@code
 * .torrent} in base64, with options; answers the torrent's status.
 */
public final class TorrentAddMethod implements RpcMethod {
  private static final String[] NAMES = {
    "torrent",
    "dir",
    "paused",
    "files",
    "sequential",
    "maxDownloadRate",
    "maxUploadRate",
    "peers",
    "metainfo"
  };

  private final TorrentHandle torrents;

  public TorrentAddMethod(TorrentHandle torrents) {
    this.torrents = torrents;
  }

  @Override
  public String name() {
    return "torrent.add";
  }

  @Override
  public String usage() {
    return "torrent [dir] [paused] [files] [sequential] [maxDownloadRate] [maxUploadRate] [peers]"
        + " [metainfo]";
  }

  @Override
  public String summary() {
    return "Adds a magnet link or .torrent (a path on the node, or base64 as metainfo).";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost(NAMES);
    TorrentSource source =
        TorrentParams.source(
            params.optionalString(0, "torrent"), params.optionalString(8, "metainfo"));
    AddRequest request =
        new AddRequest(
            params.optionalString(1, "dir").map(text -> TorrentParams.path(text, "dir")),
            params.optionalBoolean(2, "paused").orElse(false),
            TorrentParams.files(params, 3, "files"),
            params.optionalBoolean(4, "sequential").orElse(false),
            new RateLimits(
                TorrentParams.rate(params, 5, "maxDownloadRate"),
                TorrentParams.rate(params, 6, "maxUploadRate")),
            TorrentParams.peers(params, 7, "peers"));
    if (torrents.find(source.infoHash()).isPresent()) {
      throw new TorrentAlreadyAddedException(source.infoHash());
    }
    try {
      return TorrentDetail.of(torrents.add(source, request));
    } catch (TorrentException e) {
      throw failure(e);
    }
  }

  /** A torrent the node cannot take: its folder, its files. */
  static RpcException failure(TorrentException e) {
    return new RpcException(
        RpcErrorCode.TORRENT_STORAGE_ERROR, Optional.ofNullable(e.getMessage()).orElse("failed"));
  }
}
