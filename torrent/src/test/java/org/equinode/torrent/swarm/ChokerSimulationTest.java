package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A churning swarm, rechoked at random moments for half an hour of simulated time. */
class ChokerSimulationTest {
  private static final long TEN_SECONDS = Duration.ofSeconds(10).toNanos();
  private static final long THIRTY_SECONDS = Duration.ofSeconds(30).toNanos();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void keepsItsRulesThroughChurn(long seed) {
    RandomGenerator random = SeededRandom.of(seed);
    TestClock clock = TestClock.fixed();
    Choker choker = new Choker(ChokerConfig.DEFAULT, SeededRandom.of(seed + 100));
    Map<ConnectionId, PeerSnapshot> peers = new LinkedHashMap<>();
    long nextId = 1;
    Long lastRound = null;
    Optional<ConnectionId> optimistic = Optional.empty();
    long optimisticSince = 0;
    Set<ConnectionId> everUnchoked = new HashSet<>();
    for (int step = 0; step < 2000; step++) {
      clock.advance(Duration.ofMillis(random.nextInt(2000)));
      long now = clock.nanoTime();
      // Churn: peers come and go, change interest and rates.
      if (peers.size() < 4 || random.nextInt(10) == 0) {
        ConnectionId id = new ConnectionId(nextId++);
        peers.put(id, new PeerSnapshot(id, random.nextBoolean(), true, 0, 0, now));
      }
      if (peers.size() > 4 && random.nextInt(12) == 0) {
        List<ConnectionId> ids = new ArrayList<>(peers.keySet());
        peers.remove(ids.get(random.nextInt(ids.size())));
      }
      for (PeerSnapshot p : List.copyOf(peers.values())) {
        boolean interested = random.nextInt(20) == 0 ? !p.interested() : p.interested();
        long down = random.nextInt(4) == 0 ? random.nextLong(1_000_000) : p.downloadRate();
        peers.put(
            p.id(), new PeerSnapshot(p.id(), interested, p.chokedByUs(), down, 0, p.connectedAt()));
      }

      List<PeerSnapshot> snapshot = List.copyOf(peers.values());
      ChokeDecision decision = choker.rechoke(snapshot, now);
      boolean fullRound = lastRound == null || now - lastRound >= TEN_SECONDS;
      if (fullRound) {
        lastRound = now;
      }
      List<PeerSnapshot> interested = snapshot.stream().filter(PeerSnapshot::interested).toList();
      Set<ConnectionId> regular = new HashSet<>(decision.unchoked());
      decision.optimistic().ifPresent(regular::remove);

      // Only interested peers are unchoked; four regular slots and one optimistic.
      assertThat(interested.stream().map(PeerSnapshot::id).toList())
          .containsAll(decision.unchoked());
      assertThat(regular).hasSize(Math.min(4, interested.size()));
      assertThat(decision.optimistic().isPresent()).isEqualTo(interested.size() > 4);
      if (fullRound) {
        // Right after a round, the regular peers are the ones that send the most.
        long slowestRegular =
            interested.stream()
                .filter(p -> regular.contains(p.id()))
                .mapToLong(PeerSnapshot::downloadRate)
                .min()
                .orElse(Long.MAX_VALUE);
        long fastestOther =
            interested.stream()
                .filter(p -> !regular.contains(p.id()))
                .mapToLong(PeerSnapshot::downloadRate)
                .max()
                .orElse(-1);
        assertThat(slowestRegular).isGreaterThanOrEqualTo(fastestOther);
      }
      // The optimistic unchoke stays 30 s unless it left, lost interest or earned a slot.
      if (optimistic.isPresent() && !decision.optimistic().equals(optimistic)) {
        ConnectionId old = optimistic.get();
        PeerSnapshot was = peers.get(old);
        boolean excused = was == null || !was.interested() || regular.contains(old);
        assertThat(excused || now - optimisticSince >= THIRTY_SECONDS)
            .as("optimistic moved early")
            .isTrue();
      }
      if (!decision.optimistic().equals(optimistic)) {
        optimistic = decision.optimistic();
        optimisticSince = now;
      }
      everUnchoked.addAll(decision.unchoked());

      for (PeerSnapshot p : snapshot) {
        boolean choked = !decision.unchoked().contains(p.id());
        assertThat(decision.unchoke().contains(p.id())).isEqualTo(p.chokedByUs() && !choked);
        assertThat(decision.choke().contains(p.id())).isEqualTo(!p.chokedByUs() && choked);
        peers.put(
            p.id(),
            new PeerSnapshot(p.id(), p.interested(), choked, p.downloadRate(), 0, p.connectedAt()));
      }
    }
    assertThat(everUnchoked).hasSizeGreaterThan(10);
  }
}
