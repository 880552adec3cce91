package org.equinode.torrent.tracker;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.equinode.torrent.magnet.PeerAddress;

/**
 * What a tracker answered to an announce: when to come back ({@code interval}, and the {@code min
 * interval} before which it should not be asked again), the swarm's seeders and leechers if it
 * said, the peers it handed out (IPv4 and IPv6 together), a warning and a tracker id.
 */
public record AnnounceResponse(
    Duration interval,
    Optional<Duration> minInterval,
    OptionalInt seeders,
    OptionalInt leechers,
    List<PeerAddress> peers,
    Optional<String> warning,
    Optional<TrackerId> trackerId) {
  /** The longest interval that can be expressed: a UDP tracker sends a 32-bit signed number. */
  public static final Duration MAX_INTERVAL = Duration.ofSeconds(Integer.MAX_VALUE);

  /** The most peers one response may hold. */
  public static final int MAX_PEERS = 5000;

  public AnnounceResponse {
    checkInterval("interval", interval);
    minInterval.ifPresent(d -> checkInterval("min interval", d));
    checkCount("seeders", seeders);
    checkCount("leechers", leechers);
    if (peers.size() > MAX_PEERS) {
      throw new IllegalArgumentException(peers.size() + " peers, more than " + MAX_PEERS);
    }
    peers = List.copyOf(peers);
    warning = warning.map(TrackerText::of);
  }

  /** A response with only an interval and peers. */
  public static AnnounceResponse of(Duration interval, List<PeerAddress> peers) {
    return new AnnounceResponse(
        interval,
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        peers,
        Optional.empty(),
        Optional.empty());
  }

  private static void checkInterval(String name, Duration d) {
    if (d.isNegative() || d.compareTo(MAX_INTERVAL) > 0 || d.toNanosPart() != 0) {
      throw new IllegalArgumentException(
          name + " " + d + " is not a whole number of seconds in 0.." + MAX_INTERVAL.toSeconds());
    }
  }

  private static void checkCount(String name, OptionalInt count) {
    if (count.isPresent() && count.getAsInt() < 0) {
      throw new IllegalArgumentException(name + " " + count.getAsInt() + " is negative");
    }
  }
}
