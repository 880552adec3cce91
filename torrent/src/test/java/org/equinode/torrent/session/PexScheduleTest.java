package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.equinode.testing.TestClock;
import org.equinode.torrent.peer.extension.PexFlags;
import org.equinode.torrent.peer.extension.PexMessage;
import org.equinode.torrent.peer.extension.PexPeer;
import org.equinode.torrent.swarm.ConnectionId;
import org.junit.jupiter.api.Test;

class PexScheduleTest {
  private static final ConnectionId TO = new ConnectionId(0);
  private static final InetSocketAddress TO_ADDRESS = address(0);

  private final TestClock clock = TestClock.fixed();
  private final PexSchedule schedule = new PexSchedule(clock);
  private final Map<ConnectionId, PexPeer> connected = new LinkedHashMap<>();

  private static InetSocketAddress address(int n) {
    try {
      return new InetSocketAddress(
          InetAddress.getByAddress(new byte[] {10, 0, (byte) (n >> 8), (byte) n}), 6881);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private void connect(int n, int flags) {
    connected.put(new ConnectionId(n), new PexPeer(address(n), new PexFlags(flags)));
  }

  private Optional<PexMessage> next() {
    return schedule.next(TO, Optional.of(TO_ADDRESS), connected);
  }

  @Test
  void firstMessageGoesAtOnceWithEveryPeerThenAtMostOnceAMinute() {
    connect(1, PexFlags.REACHABLE);
    connect(2, PexFlags.SEED);
    PexMessage first = next().orElseThrow();
    assertThat(first.added())
        .containsExactly(
            new PexPeer(address(1), new PexFlags(PexFlags.REACHABLE)),
            new PexPeer(address(2), new PexFlags(PexFlags.SEED)));
    assertThat(first.dropped()).isEmpty();

    connect(3, 0);
    connected.remove(new ConnectionId(1));
    clock.advance(Duration.ofSeconds(59));
    assertThat(next()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    PexMessage second = next().orElseThrow();
    assertThat(second.added()).extracting(PexPeer::address).containsExactly(address(3));
    assertThat(second.dropped()).containsExactly(address(1));
    assertThat(next()).isEmpty();
  }

  @Test
  void nothingNewSendsNothingAndTheNextChangeMayGoAtOnce() {
    assertThat(next()).isEmpty();
    connect(1, 0);
    assertThat(next().orElseThrow().added()).hasSize(1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(next()).isEmpty();
    connect(2, 0);
    assertThat(next().orElseThrow().added())
        .extracting(PexPeer::address)
        .containsExactly(address(2));
  }

  @Test
  void neverTellsTheRecipientOfItself() {
    connected.put(TO, new PexPeer(address(77), PexFlags.NONE));
    connected.put(new ConnectionId(5), new PexPeer(TO_ADDRESS, PexFlags.NONE));
    assertThat(next()).isEmpty();
    connect(1, 0);
    assertThat(next().orElseThrow().added())
        .extracting(PexPeer::address)
        .containsExactly(address(1));
    PexMessage toTheOther =
        schedule.next(new ConnectionId(1), Optional.of(address(1)), connected).orElseThrow();
    assertThat(toTheOther.added())
        .extracting(PexPeer::address)
        .containsExactly(address(77), TO_ADDRESS);
  }

  @Test
  void anIncomingPeerWithoutAListenAddressIsNotCompared() {
    connect(1, 0);
    PexMessage message = schedule.next(TO, Optional.empty(), connected).orElseThrow();
    assertThat(message.added()).extracting(PexPeer::address).containsExactly(address(1));
  }

  @Test
  void sendsAtMostFiftyOfEachAndTheRestInLaterMessages() {
    for (int n = 1; n <= 120; n++) {
      connect(n, 0);
    }
    assertThat(next().orElseThrow().added()).hasSize(PexMessage.MAX_SENT);
    clock.advance(PexSchedule.INTERVAL);
    PexMessage second = next().orElseThrow();
    assertThat(second.added()).hasSize(PexMessage.MAX_SENT);
    assertThat(second.added().get(0).address()).isEqualTo(address(51));
    for (int n = 1; n <= 70; n++) {
      connected.remove(new ConnectionId(n));
    }
    clock.advance(PexSchedule.INTERVAL);
    PexMessage third = next().orElseThrow();
    assertThat(third.added()).extracting(PexPeer::address).hasSize(20).contains(address(101));
    assertThat(third.dropped()).hasSize(PexMessage.MAX_SENT);
    clock.advance(PexSchedule.INTERVAL);
    PexMessage fourth = next().orElseThrow();
    assertThat(fourth.added()).isEmpty();
    assertThat(fourth.dropped()).hasSize(70 - PexMessage.MAX_SENT);
    clock.advance(PexSchedule.INTERVAL);
    assertThat(next()).isEmpty();
  }

  @Test
  void aPeerThatComesAndGoesBetweenMessagesIsNeverMentioned() {
    connect(1, 0);
    assertThat(next()).isPresent();
    connect(2, 0);
    connected.remove(new ConnectionId(2));
    clock.advance(PexSchedule.INTERVAL);
    assertThat(next()).isEmpty();
  }

  @Test
  void ipv4AndIpv6PeersGoToTheirOwnKeys() throws Exception {
    InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 51413);
    connect(1, PexFlags.REACHABLE);
    connected.put(new ConnectionId(2), new PexPeer(v6, new PexFlags(PexFlags.SEED)));
    PexMessage first = next().orElseThrow();
    assertThat(PexMessage.decode(first.encode())).isEqualTo(first);
    connected.clear();
    clock.advance(PexSchedule.INTERVAL);
    PexMessage second = next().orElseThrow();
    assertThat(second.dropped()).containsExactlyInAnyOrder(address(1), v6);
    String wire = new String(second.encode(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(wire).contains("7:dropped6:").contains("8:dropped618:");
  }

  @Test
  void twoConnectionsToOneAddressAreOnePeer() {
    connect(1, 0);
    connected.put(new ConnectionId(9), new PexPeer(address(1), PexFlags.NONE));
    assertThat(next().orElseThrow().added()).hasSize(1);
  }

  @Test
  void aRecipientThatLeftStartsAfresh() {
    connect(1, 0);
    assertThat(next()).isPresent();
    schedule.forget(TO);
    assertThat(next().orElseThrow().added()).hasSize(1);
  }

  @Test
  void eachRecipientHasItsOwnMinute() {
    connect(1, 0);
    connect(2, 0);
    assertThat(next()).isPresent();
    clock.advance(Duration.ofSeconds(30));
    ConnectionId other = new ConnectionId(1);
    assertThat(schedule.next(other, Optional.of(address(1)), connected)).isPresent();
    connect(3, 0);
    clock.advance(Duration.ofSeconds(30));
    assertThat(next()).isPresent();
    assertThat(schedule.next(other, Optional.of(address(1)), connected)).isEmpty();
  }
}
