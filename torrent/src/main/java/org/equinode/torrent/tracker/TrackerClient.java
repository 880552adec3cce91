package org.equinode.torrent.tracker;

import java.util.List;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * One tracker, spoken to over HTTP or UDP. Calls block until an answer, an error or a timeout; call
 * them from a virtual thread. Every failure is a {@link TrackerException}.
 */
public interface TrackerClient extends AutoCloseable {
  /** The tracker's announce URL. */
  TrackerUrl url();

  /**
   * Announces and returns the tracker's answer.
   *
   * @throws TrackerFailureException if the tracker refused
   * @throws MalformedTrackerResponseException if the answer breaks the protocol
   * @throws TrackerUnreachableException if no answer came in time
   */
  AnnounceResponse announce(AnnounceRequest request);

  /**
   * Asks for the numbers of up to {@link #MAX_SCRAPE_HASHES} torrents.
   *
   * @throws InvalidTrackerUrlException if an HTTP tracker's URL gives no scrape URL (BEP 48)
   * @throws IllegalArgumentException if the list is empty or longer than {@link #MAX_SCRAPE_HASHES}
   */
  ScrapeResponse scrape(List<InfoHash> infoHashes);

  /** The most info-hashes one scrape asks about: what fits in a UDP packet (BEP 15). */
  int MAX_SCRAPE_HASHES = 74;

  /** Releases the socket, if any; calls in progress fail. */
  @Override
  void close();
}
