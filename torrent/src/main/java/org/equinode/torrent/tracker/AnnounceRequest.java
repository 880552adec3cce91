package org.equinode.torrent.tracker;

import java.util.Optional;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * What a client tells a tracker: which torrent, who it is, where it listens, how much it has moved
 * and still needs, the event, how many peers it wants, its {@code key} (a random number that lets a
 * tracker recognise it across address changes) and the tracker id it was given, if any.
 */
public record AnnounceRequest(
    InfoHash infoHash,
    PeerId peerId,
    int port,
    long uploaded,
    long downloaded,
    long left,
    AnnounceEvent event,
    int numWant,
    int key,
    Optional<TrackerId> trackerId) {
  /** How many peers to ask for when there is no reason to ask for another number (BEP 3). */
  public static final int DEFAULT_NUM_WANT = 50;

  /** The most peers a request may ask for. */
  public static final int MAX_NUM_WANT = 1000;

  private static final int MAX_PORT = 65_535;

  public AnnounceRequest {
    if (port < 1 || port > MAX_PORT) {
      throw new IllegalArgumentException("port " + port + " is outside 1.." + MAX_PORT);
    }
    if (uploaded < 0 || downloaded < 0 || left < 0) {
      throw new IllegalArgumentException(
          "negative byte count: uploaded "
              + uploaded
              + ", downloaded "
              + downloaded
              + ", left "
              + left);
    }
    if (numWant < 0 || numWant > MAX_NUM_WANT) {
      throw new IllegalArgumentException("numwant " + numWant + " is outside 0.." + MAX_NUM_WANT);
    }
  }

  /** This request with another event. */
  public AnnounceRequest withEvent(AnnounceEvent newEvent) {
    return new AnnounceRequest(
        infoHash, peerId, port, uploaded, downloaded, left, newEvent, numWant, key, trackerId);
  }

  /** This request with another number of wanted peers. */
  public AnnounceRequest withNumWant(int newNumWant) {
    return new AnnounceRequest(
        infoHash, peerId, port, uploaded, downloaded, left, event, newNumWant, key, trackerId);
  }

  /** This request carrying the tracker id a tracker handed out (or none). */
  public AnnounceRequest withTrackerId(Optional<TrackerId> newTrackerId) {
    return new AnnounceRequest(
        infoHash, peerId, port, uploaded, downloaded, left, event, numWant, key, newTrackerId);
  }
}
