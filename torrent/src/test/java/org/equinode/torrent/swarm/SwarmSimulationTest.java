package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.PieceSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random swarms driven through the picker as a session would drive it: peers with random
 * bitfields that come and go, announce pieces, choke, reject, time out, and one that sends bad
 * data. After every step the test checks the picker against its own model of the swarm.
 */
class SwarmSimulationTest {
  private static final int BLOCK = PieceLayout.BLOCK_LENGTH;
  private static final int MAX_STEPS = 400_000;

  enum Mode {
    RAREST,
    SEQUENTIAL,
    SELECTIVE
  }

  /** A block in flight from a peer; untracked once timed out or cancelled too late. */
  private record Flight(BlockRequest block, boolean tracked) {}

  private static final class SimPeer {
    final ConnectionId id;
    PieceSet has;
    final boolean bad;
    final List<Flight> flights = new ArrayList<>();
    final int queue;

    SimPeer(ConnectionId id, PieceSet has, boolean bad, int queue) {
      this.id = id;
      this.has = has;
      this.bad = bad;
      this.queue = queue;
    }

    Set<BlockRequest> tracked() {
      Set<BlockRequest> out = new HashSet<>();
      flights.stream().filter(Flight::tracked).forEach(f -> out.add(f.block()));
      return out;
    }
  }

  private static final class Swarm {
    final RandomGenerator random;
    final Mode mode;
    final PieceLayout layout;
    final PiecePicker picker;
    final Map<ConnectionId, SimPeer> peers = new LinkedHashMap<>();
    final Map<Integer, Map<Integer, ConnectionId>> received = new HashMap<>();
    final Set<ConnectionId> banned = new HashSet<>();
    final Set<ConnectionId> badIds = new HashSet<>();
    PieceSet wanted;
    PieceSet have;
    long nextId = 1;
    long accepted;
    long acceptedDue;
    int hashFailures;
    int duplicateRequests;
    int startedPieces;

    Swarm(long seed, Mode mode) {
      random = SeededRandom.of(seed);
      this.mode = mode;
      int blocksPerPiece = 1 + random.nextInt(4);
      int pieces = 20 + random.nextInt(80);
      long total =
          (long) (pieces - 1) * blocksPerPiece * BLOCK + 1 + random.nextInt(blocksPerPiece * BLOCK);
      layout = new PieceLayout(total, blocksPerPiece * BLOCK);
      int count = layout.pieceCount();
      have = randomSet(count, random.nextDouble(0.2));
      wanted = mode == Mode.SELECTIVE ? randomSet(count, 0.6) : PieceSet.all(count);
      picker = new PiecePicker(layout, have, wanted, SeededRandom.of(seed + 1000));
      picker.setSequential(mode == Mode.SEQUENTIAL);
      for (int piece : wanted.stream().toArray()) {
        if (!have.contains(piece)) {
          acceptedDue += layout.blockCount(piece);
        }
      }
      join(PieceSet.all(count), false);
      int others = 2 + random.nextInt(10);
      for (int i = 0; i < others; i++) {
        join(randomSet(count, random.nextDouble()), false);
      }
      join(randomSet(count, 0.05), false); // few pieces: served from its own piece list
      join(randomSet(count, 0.8), true);
    }

    PieceSet randomSet(int size, double density) {
      PieceSet set = PieceSet.none(size);
      for (int i = 0; i < size; i++) {
        if (random.nextDouble() < density) {
          set = set.with(i);
        }
      }
      return set;
    }

    void join(PieceSet has, boolean bad) {
      SimPeer peer = new SimPeer(new ConnectionId(nextId++), has, bad, 1 + random.nextInt(16));
      peers.put(peer.id, peer);
      if (bad) {
        badIds.add(peer.id);
      }
      picker.peerJoined(peer.id, has);
    }

    SimPeer anyPeer() {
      List<SimPeer> all = List.copyOf(peers.values());
      return all.get(random.nextInt(all.size()));
    }

    void run() {
      int steps = 0;
      while (!picker.isFinished()) {
        assertThat(++steps).as("steps").isLessThan(MAX_STEPS);
        step();
        check();
      }
      for (SimPeer peer : peers.values()) {
        assertThat(picker.outstanding(peer.id)).isEmpty();
      }
      PieceSet verified = picker.have();
      wanted.stream().forEach(piece -> assertThat(verified.contains(piece)).isTrue());
      assertThat(accepted).isEqualTo(acceptedDue);
    }

    void step() {
      int action = random.nextInt(100);
      SimPeer peer = anyPeer();
      if (action < 50) {
        deliver(peer);
      } else if (action < 80) {
        request(peer);
      } else if (action < 84) {
        announce(peer);
      } else if (action < 87) {
        trackedFlight(peer).ifPresent(f -> reject(peer, f));
      } else if (action < 90) {
        trackedFlight(peer).ifPresent(f -> timeout(peer, f));
      } else if (action < 92) {
        reconnect(peer);
      } else if (action < 94) {
        choke(peer);
      } else if (action < 96) {
        garbage(peer);
      } else if (action < 97 && mode == Mode.SELECTIVE) {
        rewant();
      }
    }

    Optional<Flight> trackedFlight(SimPeer peer) {
      return peer.flights.stream().filter(Flight::tracked).findFirst();
    }

    // ---- actions --------------------------------------------------------------------------

    void request(SimPeer peer) {
      int missing = peer.queue - picker.outstandingCount(peer.id);
      if (missing <= 0) {
        return;
      }
      Set<Integer> fresh = freshPieces();
      boolean rarest = mode != Mode.SEQUENTIAL && have.count() >= PiecePicker.RANDOM_FIRST_PIECES;
      Map<Integer, Integer> availability = new HashMap<>();
      fresh.forEach(p -> availability.put(p, picker.availability(p)));
      List<BlockRequest> picked = picker.pick(peer.id, missing);
      assertThat(picked.size()).isLessThanOrEqualTo(missing);
      Set<Integer> started = new HashSet<>();
      for (BlockRequest block : picked) {
        assertThat(peer.has.contains(block.piece())).isTrue();
        assertThat(wanted.contains(block.piece())).isTrue();
        assertThat(isReceived(block)).isFalse();
        boolean duplicate = peers.values().stream().anyMatch(p -> p.tracked().contains(block));
        if (duplicate) {
          duplicateRequests++;
          assertThat(picker.inEndgame()).as("duplicate request outside endgame").isTrue();
        }
        if (fresh.contains(block.piece())) {
          started.add(block.piece());
        }
        peer.flights.add(new Flight(block, true));
      }
      startedPieces += started.size();
      List<Integer> skipped =
          fresh.stream().filter(p -> peer.has.contains(p) && !started.contains(p)).toList();
      for (int piece : started) {
        for (int other : skipped) {
          if (mode == Mode.SEQUENTIAL) {
            assertThat(piece).as("sequential order").isLessThan(other);
          } else if (rarest) {
            assertThat(availability.get(piece))
                .as("piece %d started before rarer piece %d", piece, other)
                .isLessThanOrEqualTo(availability.get(other));
          }
        }
      }
      if (!started.isEmpty() && mode != Mode.SEQUENTIAL) {
        // New pieces only once the started pieces this peer has are fully requested.
        for (int piece = 0; piece < layout.pieceCount(); piece++) {
          if (needed(piece) && peer.has.contains(piece) && !fresh.contains(piece)) {
            assertThat(openBlocks(piece)).as("open blocks left in piece %d", piece).isZero();
          }
        }
      }
    }

    void deliver(SimPeer peer) {
      if (peer.flights.isEmpty()) {
        return;
      }
      Flight flight = peer.flights.remove(0);
      BlockRequest block = flight.block();
      int again = peer.flights.indexOf(new Flight(block, true));
      if (!flight.tracked() && again >= 0) {
        // Timed out, then asked of the same peer again: the first copy answers the request.
        peer.flights.set(again, new Flight(block, false));
      }
      Arrival arrival = picker.received(peer.id, block.piece(), block.begin(), block.length());
      switch (arrival) {
        case Arrival.Accepted ok -> accept(peer, block, ok);
        case Arrival.Ignored ignored -> {
          assertThat(ignored.reason()).isEqualTo(Arrival.Reason.NOT_NEEDED);
          assertThat(flight.tracked()).as("a tracked request came back not needed").isFalse();
        }
      }
    }

    void accept(SimPeer peer, BlockRequest block, Arrival.Accepted ok) {
      assertThat(isReceived(block)).as("received twice: %s", block).isFalse();
      received
          .computeIfAbsent(block.piece(), p -> new HashMap<>())
          .put(block.blockIndex(), peer.id);
      accepted++;
      for (PeerRequest cancel : ok.cancels()) {
        assertThat(cancel.block()).isEqualTo(block);
        SimPeer other = Objects.requireNonNull(peers.get(cancel.peer()));
        int at = other.flights.indexOf(new Flight(block, true));
        assertThat(at).isNotNegative();
        if (random.nextInt(4) == 0) {
          other.flights.set(at, new Flight(block, false)); // the cancel crossed the data
        } else {
          other.flights.remove(at);
        }
      }
      Map<Integer, ConnectionId> blocks = Objects.requireNonNull(received.get(block.piece()));
      assertThat(ok.pieceComplete()).isEqualTo(blocks.size() == layout.blockCount(block.piece()));
      if (ok.pieceComplete()) {
        hash(block.piece(), blocks);
      }
    }

    void hash(int piece, Map<Integer, ConnectionId> blocks) {
      Set<ConnectionId> senders = new HashSet<>(blocks.values());
      boolean corrupt = senders.stream().anyMatch(id -> isBad(id));
      if (!corrupt) {
        picker.pieceVerified(piece);
        have = have.with(piece);
        received.remove(piece);
        return;
      }
      HashFailure failure = picker.pieceFailed(piece);
      hashFailures++;
      acceptedDue += layout.blockCount(piece);
      received.remove(piece);
      assertThat(failure.contributors()).isEqualTo(senders);
      Map<ConnectionId, Integer> counts = new HashMap<>();
      blocks.values().forEach(id -> counts.merge(id, 1, Integer::sum));
      assertThat(failure.blocksByPeer()).isEqualTo(counts);
      for (ConnectionId id : senders) {
        if (isBad(id)) {
          banned.add(id);
          SimPeer bad = peers.remove(id);
          if (bad != null) {
            assertThat(Set.copyOf(picker.peerLeft(id))).isEqualTo(bad.tracked());
          }
        }
      }
    }

    boolean isBad(ConnectionId id) {
      return badIds.contains(id);
    }

    void announce(SimPeer peer) {
      int piece = random.nextInt(layout.pieceCount());
      boolean news = picker.peerHave(peer.id, piece);
      assertThat(news).isEqualTo(!peer.has.contains(piece));
      peer.has = peer.has.with(piece);
    }

    void reject(SimPeer peer, Flight flight) {
      assertThat(picker.rejected(peer.id, flight.block())).isTrue();
      peer.flights.remove(flight);
    }

    void timeout(SimPeer peer, Flight flight) {
      assertThat(picker.timeout(peer.id, flight.block())).isTrue();
      int at = peer.flights.indexOf(flight);
      if (random.nextBoolean()) {
        peer.flights.set(at, new Flight(flight.block(), false)); // it may still come
      } else {
        peer.flights.remove(at);
      }
    }

    void reconnect(SimPeer peer) {
      assertThat(Set.copyOf(picker.peerLeft(peer.id))).isEqualTo(peer.tracked());
      peers.remove(peer.id);
      join(peer.has, peer.bad);
    }

    void choke(SimPeer peer) {
      assertThat(Set.copyOf(picker.release(peer.id))).isEqualTo(peer.tracked());
      peer.flights.removeIf(Flight::tracked);
    }

    void garbage(SimPeer peer) {
      int piece = random.nextInt(layout.pieceCount() + 1) - (random.nextBoolean() ? 0 : 1);
      int begin = random.nextInt(layout.pieceLength() + BLOCK) | 1;
      assertThat(picker.received(peer.id, piece, begin, BLOCK))
          .isEqualTo(new Arrival.Ignored(Arrival.Reason.NOT_A_BLOCK));
    }

    void rewant() {
      PieceSet next = randomSet(layout.pieceCount(), 0.6);
      for (int piece = 0; piece < layout.pieceCount(); piece++) {
        boolean before = needed(piece);
        boolean after = next.contains(piece) && !have.contains(piece);
        int missing = layout.blockCount(piece) - receivedCount(piece);
        acceptedDue += (after ? missing : 0) - (before ? missing : 0);
      }
      List<PeerRequest> cancels = picker.setWanted(next);
      for (PeerRequest cancel : cancels) {
        assertThat(next.contains(cancel.block().piece())).isFalse();
        SimPeer peer = Objects.requireNonNull(peers.get(cancel.peer()));
        assertThat(peer.flights.remove(new Flight(cancel.block(), true))).isTrue();
      }
      wanted = next;
    }

    // ---- the model ------------------------------------------------------------------------

    boolean needed(int piece) {
      return wanted.contains(piece) && !have.contains(piece);
    }

    boolean isReceived(BlockRequest block) {
      Map<Integer, ConnectionId> blocks = received.get(block.piece());
      return blocks != null && blocks.containsKey(block.blockIndex());
    }

    int receivedCount(int piece) {
      Map<Integer, ConnectionId> blocks = received.get(piece);
      return blocks == null ? 0 : blocks.size();
    }

    /** Needed pieces with nothing received and nothing requested. */
    Set<Integer> freshPieces() {
      Set<Integer> fresh = new HashSet<>();
      for (int piece = 0; piece < layout.pieceCount(); piece++) {
        if (needed(piece) && receivedCount(piece) == 0) {
          fresh.add(piece);
        }
      }
      for (SimPeer peer : peers.values()) {
        peer.tracked().forEach(b -> fresh.remove(b.piece()));
      }
      return fresh;
    }

    int openBlocks(int piece) {
      int open = 0;
      for (int b = 0; b < layout.blockCount(piece); b++) {
        BlockRequest block = layout.block(piece, b);
        if (!isReceived(block)
            && peers.values().stream().noneMatch(p -> p.tracked().contains(block))) {
          open++;
        }
      }
      return open;
    }

    void check() {
      Map<Integer, Integer> availability = new HashMap<>();
      for (SimPeer peer : peers.values()) {
        assertThat(Set.copyOf(picker.outstanding(peer.id))).isEqualTo(peer.tracked());
        peer.has.stream().forEach(p -> availability.merge(p, 1, Integer::sum));
      }
      for (int piece = 0; piece < layout.pieceCount(); piece++) {
        assertThat(picker.availability(piece)).isEqualTo(availability.getOrDefault(piece, 0));
      }
      assertThat(picker.have()).isEqualTo(have);
      Set<Integer> started = new HashSet<>();
      for (int piece = 0; piece < layout.pieceCount(); piece++) {
        if (needed(piece)) {
          started.add(piece);
        }
      }
      started.removeAll(freshPieces());
      assertThat(picker.startedPieces()).isEqualTo(started);
      picker.checkInvariants();
    }
  }

  @ParameterizedTest(name = "seed {0}, {1}")
  @CsvSource({
    "1, RAREST",
    "2, RAREST",
    "3, RAREST",
    "4, RAREST",
    "5, RAREST",
    "6, RAREST",
    "7, RAREST",
    "8, RAREST",
    "9, SEQUENTIAL",
    "10, SEQUENTIAL",
    "11, SEQUENTIAL",
    "12, SELECTIVE",
    "13, SELECTIVE",
    "14, SELECTIVE",
    "15, SELECTIVE",
  })
  void downloadsEveryWantedBlockOnce(long seed, Mode mode) {
    Swarm swarm = new Swarm(seed, mode);
    swarm.run();
    assertThat(swarm.startedPieces).isPositive();
    assertThat(swarm.duplicateRequests).as("endgame requests").isPositive();
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"21", "22", "23", "24", "25"})
  void reportsTheBadPeerAndStillFinishes(long seed) {
    Swarm swarm = new Swarm(seed, Mode.RAREST);
    swarm.run();
    assertThat(swarm.hashFailures).isPositive();
    assertThat(swarm.banned).isNotEmpty();
    assertThat(swarm.badIds).containsAll(swarm.banned);
  }
}
