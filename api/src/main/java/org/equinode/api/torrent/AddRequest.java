package org.equinode.api.torrent;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.session.FileSelection;
import org.equinode.torrent.session.RateLimits;

/**
 * How {@code torrent.add} adds a torrent.
 *
 * @param saveDir where its files go (absolute); empty for the node's download folder
 * @param paused added without connecting to anyone
 * @param files which files to download
 * @param sequential pieces in order instead of rarest first
 * @param limits the torrent's own rate limits
 * @param peers peers to connect to
 */
public record AddRequest(
    Optional<Path> saveDir,
    boolean paused,
    FileSelection files,
    boolean sequential,
    RateLimits limits,
    List<InetSocketAddress> peers) {
  public AddRequest {
    peers = List.copyOf(peers);
    if (saveDir.isPresent() && !saveDir.get().isAbsolute()) {
      throw new IllegalArgumentException("the save folder " + saveDir.get() + " is not absolute");
    }
  }

  /** Every file, running, rarest first, no limits, no peers given, in the node's folder. */
  public static AddRequest defaults() {
    return new AddRequest(
        Optional.empty(), false, FileSelection.ALL, false, RateLimits.NONE, List.of());
  }
}
