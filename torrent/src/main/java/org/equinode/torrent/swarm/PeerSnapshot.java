package org.equinode.torrent.swarm;

/**
 * One connected peer as the choker sees it at a rechoke.
 *
 * @param id the connection
 * @param interested whether the peer is interested in us (wants to download from us)
 * @param chokedByUs whether we choke it now
 * @param downloadRate bytes per second it sends us, for example from a {@link RateMeter} over the
 *     last rechoke interval
 * @param uploadRate bytes per second we send it
 * @param connectedAt when the connection was made, a {@code TimeSource.nanoTime()} reading
 */
public record PeerSnapshot(
    ConnectionId id,
    boolean interested,
    boolean chokedByUs,
    long downloadRate,
    long uploadRate,
    long connectedAt) {
  public PeerSnapshot {
    if (downloadRate < 0 || uploadRate < 0) {
      throw new IllegalArgumentException(
          "negative rate for " + id + ": down " + downloadRate + ", up " + uploadRate);
    }
  }
}
