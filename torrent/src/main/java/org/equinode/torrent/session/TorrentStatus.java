package org.equinode.torrent.session;

import java.time.Duration;
import java.util.Optional;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * A snapshot of one torrent's session.
 *
 * @param wantedBytes the size of the wanted files (0 before the metadata is known)
 * @param doneBytes the verified bytes of the wanted files
 * @param downloadRate bytes per second of piece data received, over the last seconds
 * @param uploadRate bytes per second of piece data sent
 * @param downloaded piece data received since the session started
 * @param uploaded piece data sent since the session started
 * @param peers open connections
 * @param seeds open connections to peers that have every piece
 * @param knownPeers addresses known and not banned
 * @param bannedPeers peers banned for sending data that failed its hash check
 * @param eta the time left at the current rate, when there is a rate and something is left
 * @param error what stopped the torrent, if something did
 */
public record TorrentStatus(
    InfoHash infoHash,
    String name,
    State state,
    long wantedBytes,
    long doneBytes,
    int pieces,
    int donePieces,
    long downloadRate,
    long uploadRate,
    long downloaded,
    long uploaded,
    int peers,
    int seeds,
    int knownPeers,
    int bannedPeers,
    Optional<Duration> eta,
    Optional<String> error) {
  /** Where a torrent is. */
  public enum State {
    /** A magnet link without metadata yet: asking peers for it. */
    FETCHING_METADATA,
    /** The metadata is known; the files are being opened and checked. */
    CHECKING,
    /** Pieces are missing. */
    DOWNLOADING,
    /** Every wanted piece is verified; uploading to others. */
    SEEDING,
    /** Paused: no connections until resumed; the storage stays open. */
    PAUSED,
    /** Stopped by an error (see {@link TorrentStatus#error()}). */
    ERROR,
    /** The session is closed. */
    CLOSED
  }

  /** The share of the wanted bytes that is verified, 0 to 1 (0 before the metadata). */
  public double fraction() {
    return wantedBytes == 0 ? (state == State.SEEDING ? 1 : 0) : (double) doneBytes / wantedBytes;
  }
}
