package org.equinode.torrent.dht;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * The peers announced to us ({@code announce_peer}), per info-hash, each kept for {@link #TTL}
 * after its last announce. Bounded: at most {@link #MAX_TORRENTS} info-hashes and {@link
 * #MAX_PEERS_PER_TORRENT} peers each; beyond, the oldest announce gives way. Not thread-safe.
 */
public final class PeerStore {
  /** How long an announce is kept (libtorrent keeps peers 45 min; BEP 5 leaves it open). */
  public static final Duration TTL = Duration.ofMinutes(30);

  /** Info-hashes kept at most. */
  public static final int MAX_TORRENTS = 2000;

  /** Peers kept per info-hash at most. */
  public static final int MAX_PEERS_PER_TORRENT = 200;

  /** Peers one reply gives at most (a random sample when there are more). */
  public static final int MAX_PEERS_PER_REPLY = 50;

  private final Map<InfoHash, LinkedHashMap<InetSocketAddress, Long>> torrents = new HashMap<>();

  /** Records that {@code peer} has {@code infoHash}, at {@code now} (clock nanoseconds). */
  public void announce(InfoHash infoHash, InetSocketAddress peer, long now) {
    LinkedHashMap<InetSocketAddress, Long> peers = torrents.get(infoHash);
    if (peers == null) {
      if (torrents.size() >= MAX_TORRENTS) {
        expire(now);
        if (torrents.size() >= MAX_TORRENTS) {
          return;
        }
      }
      peers = new LinkedHashMap<>();
      torrents.put(infoHash, peers);
    }
    peers.remove(peer);
    if (peers.size() >= MAX_PEERS_PER_TORRENT) {
      InetSocketAddress oldest = peers.keySet().iterator().next();
      peers.remove(oldest);
    }
    peers.put(peer, now);
  }

  /** Up to {@link #MAX_PEERS_PER_REPLY} live peers of {@code infoHash}. */
  public List<InetSocketAddress> peers(InfoHash infoHash, long now, RandomGenerator random) {
    LinkedHashMap<InetSocketAddress, Long> peers = torrents.get(infoHash);
    if (peers == null) {
      return List.of();
    }
    long ttl = TTL.toNanos();
    peers.values().removeIf(at -> now - at > ttl);
    if (peers.isEmpty()) {
      torrents.remove(infoHash);
      return List.of();
    }
    List<InetSocketAddress> out = new ArrayList<>(peers.keySet());
    if (out.size() > MAX_PEERS_PER_REPLY) {
      Collections.shuffle(out, randomSource(random));
      out = out.subList(0, MAX_PEERS_PER_REPLY);
    }
    return List.copyOf(out);
  }

  /** Info-hashes with peers. */
  public int torrents() {
    return torrents.size();
  }

  /** Drops every announce older than {@link #TTL}. */
  public void expire(long now) {
    long ttl = TTL.toNanos();
    torrents
        .values()
        .removeIf(
            peers -> {
              peers.values().removeIf(at -> now - at > ttl);
              return peers.isEmpty();
            });
  }

  private static java.util.Random randomSource(RandomGenerator random) {
    return new java.util.Random(random.nextLong());
  }
}
