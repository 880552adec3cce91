package org.equinode.torrent.swarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Tit-for-tat choking (BEP 3): which peers we upload to.
 *
 * <p>Regular slots go to the interested peers that send us the most; peers that send nothing (all
 * of them when we seed) are ranked by the {@link SeedOrder}. The ranking is redone every {@link
 * ChokerConfig#rechokeInterval()}; between rounds a slot freed by a peer that left or lost interest
 * is refilled from the same ranking, and nobody else is disturbed. One more peer, the optimistic
 * unchoke, is chosen at random every {@link ChokerConfig#optimisticInterval()} among the other
 * interested peers, a new peer weighing three times as much: it lets newcomers and peers with
 * nothing to offer yet show what they can do. An optimistic peer that earns a regular slot keeps it
 * and another one is chosen. Uninterested peers are choked.
 *
 * <p>The session calls {@link #rechoke} on its rechoke tick (or more often: calls in between only
 * refill slots) with a snapshot of the peers, and sends the messages of the {@link ChokeDecision};
 * the choker assumes they are sent. One instance may serve one torrent or, with all peers of all
 * torrents in the snapshot, the whole session. Not thread-safe.
 */
public final class Choker {
  /** How much more likely a new peer is to get the optimistic unchoke (BEP 3 / mainline). */
  public static final int NEW_PEER_WEIGHT = 3;

  private final ChokerConfig config;
  private final RandomGenerator random;
  private final Set<ConnectionId> regular = new LinkedHashSet<>();
  private @Nullable ConnectionId optimistic;
  private long optimisticSince;
  private long lastRound;
  private long lastCall;
  private boolean started;
  private final Map<ConnectionId, Long> unchokedSince = new HashMap<>();
  private final Map<ConnectionId, Long> chokedSince = new HashMap<>();

  public Choker(ChokerConfig config, RandomGenerator random) {
    this.config = config;
    this.random = random;
  }

  public ChokerConfig config() {
    return config;
  }

  /**
   * Decides who is unchoked, given every connected peer and the current {@code
   * TimeSource.nanoTime()} reading.
   */
  public ChokeDecision rechoke(List<PeerSnapshot> peers, long now) {
    if (started && now - lastCall < 0) {
      throw new IllegalArgumentException("time went back: " + now + " after " + lastCall);
    }
    lastCall = now;
    Map<ConnectionId, PeerSnapshot> byId = new HashMap<>();
    for (PeerSnapshot peer : peers) {
      if (byId.put(peer.id(), peer) != null) {
        throw new IllegalArgumentException(peer.id() + " is in the snapshot twice");
      }
    }
    forgetDeparted(byId.keySet());

    List<PeerSnapshot> ranked = new ArrayList<>();
    Set<ConnectionId> interested = new HashSet<>();
    for (PeerSnapshot peer : peers) {
      if (peer.interested()) {
        ranked.add(peer);
        interested.add(peer.id());
      }
    }
    ranked.sort(ranking(now));
    int slots = slots(ranked);
    if (!started || now - lastRound >= config.rechokeInterval().toNanos()) {
      regular.clear();
      ranked.stream().limit(slots).forEach(peer -> regular.add(peer.id()));
      lastRound = now;
      started = true;
    } else {
      regular.retainAll(interested);
      List<ConnectionId> order = ranked.stream().map(PeerSnapshot::id).toList();
      for (ConnectionId id : order) {
        if (regular.size() >= slots) {
          break;
        }
        regular.add(id);
      }
      for (int i = order.size() - 1; i >= 0 && regular.size() > slots; i--) {
        regular.remove(order.get(i));
      }
    }
    chooseOptimistic(ranked, now);

    Set<ConnectionId> unchoked = new HashSet<>(regular);
    if (optimistic != null) {
      unchoked.add(optimistic);
    }
    Set<ConnectionId> unchoke = new HashSet<>();
    Set<ConnectionId> choke = new HashSet<>();
    for (PeerSnapshot peer : peers) {
      ConnectionId id = peer.id();
      if (unchoked.contains(id)) {
        if (peer.chokedByUs()) {
          unchoke.add(id);
          unchokedSince.put(id, now);
        } else {
          unchokedSince.putIfAbsent(id, now);
        }
      } else {
        unchokedSince.remove(id);
        if (!peer.chokedByUs()) {
          choke.add(id);
          chokedSince.put(id, now);
        }
      }
    }
    return new ChokeDecision(unchoke, choke, unchoked, Optional.ofNullable(optimistic));
  }

  private void forgetDeparted(Set<ConnectionId> present) {
    regular.retainAll(present);
    unchokedSince.keySet().retainAll(present);
    chokedSince.keySet().retainAll(present);
    if (optimistic != null && !present.contains(optimistic)) {
      optimistic = null;
    }
  }

  private void chooseOptimistic(List<PeerSnapshot> interested, long now) {
    ConnectionId current = optimistic;
    boolean stillValid =
        current != null
            && !regular.contains(current)
            && interested.stream().anyMatch(p -> p.id().equals(current));
    boolean due = !stillValid || now - optimisticSince >= config.optimisticInterval().toNanos();
    if (!due) {
      return;
    }
    List<PeerSnapshot> candidates = new ArrayList<>();
    long totalWeight = 0;
    for (PeerSnapshot peer : interested) {
      if (!regular.contains(peer.id()) && !peer.id().equals(current)) {
        candidates.add(peer);
        totalWeight += weight(peer, now);
      }
    }
    if (candidates.isEmpty()) {
      optimistic = stillValid ? current : null;
      return;
    }
    long ticket = random.nextLong(totalWeight);
    for (PeerSnapshot peer : candidates) {
      ticket -= weight(peer, now);
      if (ticket < 0) {
        optimistic = peer.id();
        optimisticSince = now;
        return;
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  private int weight(PeerSnapshot peer, long now) {
    return now - peer.connectedAt() < config.newPeerAge().toNanos() ? NEW_PEER_WEIGHT : 1;
  }

  private int slots(List<PeerSnapshot> interested) {
    return switch (config.slots()) {
      case UnchokeSlots.Fixed fixed -> fixed.count();
      case UnchokeSlots.RateBased rate -> {
        List<Long> uploads =
            interested.stream()
                .map(PeerSnapshot::uploadRate)
                .sorted(Comparator.reverseOrder())
                .toList();
        long threshold = rate.initialThreshold();
        int slots = 0;
        for (long upload : uploads) {
          if (upload < threshold || slots >= UnchokeSlots.MAX_SLOTS - 1) {
            break;
          }
          slots++;
          threshold += rate.step();
        }
        yield slots + 1;
      }
    };
  }

  /** Best first: most received from, then the seed order, then waited longest, then id. */
  private Comparator<PeerSnapshot> ranking(long now) {
    Comparator<PeerSnapshot> byDownload =
        Comparator.comparingLong(PeerSnapshot::downloadRate).reversed();
    Comparator<PeerSnapshot> seed =
        switch (config.seedOrder()) {
          case FASTEST_UPLOAD -> Comparator.comparingLong(PeerSnapshot::uploadRate).reversed();
          case ROUND_ROBIN ->
              Comparator.comparing((PeerSnapshot p) -> turnOver(p, now))
                  .thenComparing(
                      Comparator.comparingLong(
                              (PeerSnapshot p) -> p.chokedByUs() ? 0 : p.uploadRate())
                          .reversed());
        };
    return byDownload
        .thenComparing(seed)
        .thenComparingLong(this::waitingSince)
        .thenComparing(PeerSnapshot::id);
  }

  /** Whether an unchoked peer has had its slot for a whole seed turn. */
  private boolean turnOver(PeerSnapshot peer, long now) {
    Long since = unchokedSince.get(peer.id());
    return !peer.chokedByUs() && since != null && now - since >= config.seedTurn().toNanos();
  }

  /** When the peer started waiting for a slot; an unchoked peer is not waiting. */
  private long waitingSince(PeerSnapshot peer) {
    if (!peer.chokedByUs()) {
      return unchokedSince.getOrDefault(peer.id(), Long.MAX_VALUE);
    }
    return chokedSince.getOrDefault(peer.id(), peer.connectedAt());
  }
}
