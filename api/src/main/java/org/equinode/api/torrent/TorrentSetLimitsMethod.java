package org.equinode.api.torrent;

import java.util.Optional;
import java.util.OptionalLong;
import org.equinode.api.RpcContext;
import org.equinode.api.RpcException;
import org.equinode.api.RpcMethod;
import org.equinode.api.RpcParams;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.TorrentEngine;

/**
 * {@code torrent.setlimits}: the engine's rate limits and connection cap, or one torrent's rate
 * limits when {@code infohash} is given. A rate left out stays as it is; 0 removes it.
 */
public final class TorrentSetLimitsMethod implements RpcMethod {
  private final TorrentHandle torrents;

  public TorrentSetLimitsMethod(TorrentHandle torrents) {
    this.torrents = torrents;
  }

  @Override
  public String name() {
    return "torrent.setlimits";
  }

  @Override
  public String usage() {
    return "[maxDownloadRate] [maxUploadRate] [maxConnections] [infohash]";
  }

  @Override
  public String summary() {
    return "Sets rate limits (bytes/s, 0 for none) for the node or one torrent; shows the node's.";
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    params.expectAtMost("maxDownloadRate", "maxUploadRate", "maxConnections", "infohash");
    Optional<OptionalLong> down =
        params
            .optional(0, "maxDownloadRate")
            .map(n -> TorrentParams.rate(params, 0, "maxDownloadRate"));
    Optional<OptionalLong> up =
        params
            .optional(1, "maxUploadRate")
            .map(n -> TorrentParams.rate(params, 1, "maxUploadRate"));
    Optional<Long> connections = params.optionalLong(2, "maxConnections");
    if (connections.isPresent()
        && (connections.get() < 1 || connections.get() > TorrentEngine.MAX_TOTAL_CONNECTIONS)) {
      throw RpcException.invalidParameter(
          "maxConnections "
              + connections.get()
              + " is outside 1.."
              + TorrentEngine.MAX_TOTAL_CONNECTIONS);
    }
    if (params.optional(3, "infohash").isPresent()) {
      InfoHash hash = TorrentParams.infoHash(params, 3, "infohash");
      if (connections.isPresent()) {
        throw RpcException.invalidParameter(
            "maxConnections applies to the whole node; leave out infohash");
      }
      return TorrentDetail.of(
          torrents
              .setLimits(hash, limits -> changed(limits, down, up))
              .orElseThrow(() -> TorrentStatusMethod.notFound(hash)));
    }
    return torrents.setEngineLimits(
        limits -> changed(limits, down, up), connections.map(Long::intValue));
  }

  private static RateLimits changed(
      RateLimits limits, Optional<OptionalLong> down, Optional<OptionalLong> up) {
    RateLimits out = limits;
    if (down.isPresent()) {
      out = out.withDownload(down.get());
    }
    if (up.isPresent()) {
      out = out.withUpload(up.get());
    }
    return out;
  }
}
