package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;

class ChokerTest {
  private static final Duration TICK = Duration.ofSeconds(10);

  private static ConnectionId id(long n) {
    return new ConnectionId(n);
  }

  /** The peers as the session would see them; decisions are applied as if sent. */
  private static final class Peers {
    final TestClock clock = TestClock.fixed();
    final Map<ConnectionId, PeerSnapshot> peers = new LinkedHashMap<>();
    final Choker choker;

    Peers(ChokerConfig config, long seed) {
      choker = new Choker(config, SeededRandom.of(seed));
    }

    void add(long n, long downloadRate, long uploadRate) {
      ConnectionId id = id(n);
      peers.put(id, new PeerSnapshot(id, true, true, downloadRate, uploadRate, clock.nanoTime()));
    }

    void update(long n, boolean interested, long downloadRate, long uploadRate) {
      PeerSnapshot p = Objects.requireNonNull(peers.get(id(n)));
      peers.put(
          p.id(),
          new PeerSnapshot(
              p.id(), interested, p.chokedByUs(), downloadRate, uploadRate, p.connectedAt()));
    }

    ChokeDecision rechoke() {
      ChokeDecision decision = choker.rechoke(List.copyOf(peers.values()), clock.nanoTime());
      for (PeerSnapshot p : List.copyOf(peers.values())) {
        boolean choked = !decision.unchoked().contains(p.id());
        assertThat(decision.unchoke().contains(p.id())).isEqualTo(p.chokedByUs() && !choked);
        assertThat(decision.choke().contains(p.id())).isEqualTo(!p.chokedByUs() && choked);
        peers.put(
            p.id(),
            new PeerSnapshot(
                p.id(), p.interested(), choked, p.downloadRate(), p.uploadRate(), p.connectedAt()));
      }
      return decision;
    }

    Set<ConnectionId> regular(ChokeDecision decision) {
      Set<ConnectionId> out = new HashSet<>(decision.unchoked());
      decision.optimistic().ifPresent(out::remove);
      return out;
    }
  }

  @Test
  void unchokesTheFourThatSendUsMostAndOneOptimistic() {
    Peers peers = new Peers(ChokerConfig.DEFAULT, 1);
    for (long n = 1; n <= 6; n++) {
      peers.add(n, n * 100, 0);
    }
    ChokeDecision decision = peers.rechoke();
    assertThat(peers.regular(decision)).containsExactlyInAnyOrder(id(6), id(5), id(4), id(3));
    assertThat(decision.optimistic().orElseThrow()).isIn(id(1), id(2));
    assertThat(decision.unchoke()).hasSize(5);
    assertThat(decision.choke()).isEmpty();
  }

  @Test
  void reranksOnlyEveryTenSeconds() {
    Peers peers = new Peers(ChokerConfig.DEFAULT.withSlots(UnchokeSlots.fixed(2)), 1);
    for (long n = 1; n <= 4; n++) {
      peers.add(n, n * 100, 0);
    }
    assertThat(peers.regular(peers.rechoke())).containsExactlyInAnyOrder(id(4), id(3));
    peers.update(1, true, 1000, 0);
    peers.update(2, true, 900, 0);
    peers.clock.advance(Duration.ofSeconds(5));
    assertThat(peers.regular(peers.rechoke())).containsExactlyInAnyOrder(id(4), id(3));
    peers.clock.advance(Duration.ofSeconds(5));
    ChokeDecision decision = peers.rechoke();
    assertThat(peers.regular(decision)).containsExactlyInAnyOrder(id(1), id(2));
  }

  @Test
  void aFreedSlotIsRefilledAtOnceAndUninterestedPeersAreChoked() {
    Peers peers = new Peers(ChokerConfig.DEFAULT.withSlots(UnchokeSlots.fixed(2)), 1);
    for (long n = 1; n <= 5; n++) {
      peers.add(n, n * 100, 0);
    }
    ChokeDecision first = peers.rechoke();
    assertThat(peers.regular(first)).containsExactlyInAnyOrder(id(5), id(4));
    ConnectionId optimistic = first.optimistic().orElseThrow();
    peers.clock.advance(Duration.ofSeconds(1));
    peers.update(5, false, 500, 0);
    ChokeDecision decision = peers.rechoke();
    assertThat(decision.choke()).containsExactly(id(5));
    assertThat(peers.regular(decision)).contains(id(4)).hasSize(2);
    assertThat(decision.unchoked()).doesNotContain(id(5)).hasSize(3);
    if (optimistic.equals(id(3))) {
      // The optimistic peer earned the slot; another one becomes optimistic.
      assertThat(decision.optimistic()).isPresent().isNotEqualTo(first.optimistic());
    } else {
      assertThat(peers.regular(decision)).contains(id(3));
      assertThat(decision.optimistic()).isEqualTo(first.optimistic());
    }
  }

  @Test
  void theOptimisticUnchokeMovesEveryThirtySeconds() {
    Peers peers = new Peers(ChokerConfig.DEFAULT.withSlots(UnchokeSlots.fixed(1)), 5);
    for (long n = 1; n <= 6; n++) {
      peers.add(n, n == 6 ? 1000 : 0, 0);
    }
    List<ConnectionId> optimists = new ArrayList<>();
    for (int tick = 0; tick <= 9; tick++) {
      ChokeDecision decision = peers.rechoke();
      assertThat(peers.regular(decision)).containsExactly(id(6));
      optimists.add(decision.optimistic().orElseThrow());
      peers.clock.advance(TICK);
    }
    for (int tick = 0; tick <= 9; tick++) {
      ConnectionId expected = optimists.get(tick - tick % 3);
      assertThat(optimists.get(tick)).as("tick %d", tick).isEqualTo(expected);
      if (tick % 3 == 0 && tick > 0) {
        assertThat(optimists.get(tick)).isNotEqualTo(optimists.get(tick - 3));
      }
    }
  }

  @Test
  void newPeersAreThreeTimesAsLikelyToBeOptimistic() {
    int newChosen = 0;
    int trials = 400;
    for (long seed = 0; seed < trials; seed++) {
      Peers peers = new Peers(ChokerConfig.DEFAULT.withSlots(UnchokeSlots.fixed(0)), seed);
      peers.add(1, 0, 0);
      peers.add(2, 0, 0);
      peers.add(3, 0, 0);
      peers.clock.advance(Duration.ofMinutes(5));
      peers.add(4, 0, 0);
      if (peers.rechoke().optimistic().orElseThrow().equals(id(4))) {
        newChosen++;
      }
    }
    // Weights 3 against 1 + 1 + 1: half of the time, against a quarter if equal.
    assertThat(newChosen).isBetween(160, 240);
  }

  @Test
  void roundRobinSeedingGivesEveryPeerATurn() {
    Peers peers = new Peers(ChokerConfig.DEFAULT, 3);
    for (long n = 1; n <= 10; n++) {
      peers.add(n, 0, 0);
      peers.clock.advance(Duration.ofMillis(1));
    }
    Map<ConnectionId, Integer> heldFor = new HashMap<>();
    Set<ConnectionId> served = new HashSet<>();
    for (int tick = 0; tick < 60; tick++) {
      ChokeDecision decision = peers.rechoke();
      assertThat(peers.regular(decision)).hasSize(4);
      if (tick == 0) {
        // Nobody has had a turn: the four that waited longest go first.
        assertThat(peers.regular(decision)).containsExactlyInAnyOrder(id(1), id(2), id(3), id(4));
      }
      for (PeerSnapshot p : List.copyOf(peers.peers.values())) {
        boolean unchoked = decision.unchoked().contains(p.id());
        peers.update(p.id().value(), true, 0, unchoked ? 50_000 : 0);
        if (peers.regular(decision).contains(p.id())) {
          served.add(p.id());
          heldFor.merge(p.id(), 1, Integer::sum);
        } else {
          heldFor.remove(p.id());
        }
        // A turn is 60 s: a regular slot is never held for more than six 10-second rounds.
        assertThat(heldFor.getOrDefault(p.id(), 0)).isLessThanOrEqualTo(7);
      }
      peers.clock.advance(TICK);
    }
    assertThat(served).hasSize(10);
  }

  @Test
  void fastestUploadSeedingKeepsTheFastest() {
    Peers peers = new Peers(ChokerConfig.DEFAULT.withSeedOrder(SeedOrder.FASTEST_UPLOAD), 3);
    for (long n = 1; n <= 6; n++) {
      peers.add(n, 0, n * 1000);
    }
    for (int tick = 0; tick < 20; tick++) {
      assertThat(peers.regular(peers.rechoke()))
          .containsExactlyInAnyOrder(id(3), id(4), id(5), id(6));
      peers.clock.advance(TICK);
    }
  }

  @Test
  void rateBasedSlotsGrowWithTheUploadRates() {
    ChokerConfig config = ChokerConfig.DEFAULT.withSlots(UnchokeSlots.rateBased());
    Peers peers = new Peers(config, 1);
    peers.add(1, 0, 10_000);
    peers.add(2, 0, 6_000);
    peers.add(3, 0, 3_000);
    peers.add(4, 0, 100);
    peers.add(5, 0, 0);
    // 10000 >= 1024, 6000 >= 3072, 3000 < 5120: two slots earned, plus one.
    ChokeDecision decision = peers.rechoke();
    assertThat(peers.regular(decision)).hasSize(3);
    assertThat(decision.unchoked()).hasSize(4);
  }

  @Test
  void forgetsPeersThatLeft() {
    Peers peers = new Peers(ChokerConfig.DEFAULT.withSlots(UnchokeSlots.fixed(1)), 2);
    peers.add(1, 100, 0);
    peers.add(2, 0, 0);
    peers.add(3, 0, 0);
    ConnectionId optimistic = peers.rechoke().optimistic().orElseThrow();
    peers.peers.remove(optimistic);
    peers.peers.remove(id(1));
    peers.clock.advance(Duration.ofSeconds(1));
    ChokeDecision decision = peers.rechoke();
    assertThat(decision.unchoked()).hasSize(1).doesNotContain(optimistic, id(1));
    assertThat(decision.optimistic()).isEmpty();
  }

  @Test
  void refusesBadSnapshots() {
    Choker choker = new Choker(ChokerConfig.DEFAULT, SeededRandom.of(1));
    PeerSnapshot peer = new PeerSnapshot(id(1), true, true, 0, 0, 0);
    assertThatThrownBy(() -> choker.rechoke(List.of(peer, peer), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer#1 is in the snapshot twice");
    choker.rechoke(List.of(peer), 100);
    assertThatThrownBy(() -> choker.rechoke(List.of(peer), 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time went back: 99 after 100");
    assertThatThrownBy(() -> new PeerSnapshot(id(1), true, true, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative rate for peer#1: down -1, up 0");
  }
}
