package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.equinode.torrent.magnet.PeerAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpTrackerClientTest {
  private static final List<PeerAddress> PEERS =
      List.of(Samples.v4(127, 0, 0, 1, 6882), Samples.v4(10, 0, 0, 2, 51413));

  private final TestClock clock = TestClock.fixed();
  private FakeUdpTracker tracker;

  @BeforeEach
  void startTracker() throws IOException {
    tracker = FakeUdpTracker.start(r -> List.of());
    tracker.answer(r -> tracker.standard(r, PEERS));
  }

  @AfterEach
  void stopTracker() {
    tracker.close();
  }

  /** Fast retransmissions: 50 ms, 100 ms, 200 ms, 400 ms. */
  private UdpTrackerClient client() {
    return client(tracker.url());
  }

  private UdpTrackerClient client(String url) {
    return new UdpTrackerClient(
        TrackerUrl.parse(url),
        clock,
        SeededRandom.of(42),
        new UdpTrackerClient.Settings(
            Duration.ofMillis(50), 3, Optional.of(InetAddress.getLoopbackAddress())));
  }

  @Test
  void connectsThenAnnouncesEveryField() {
    try (UdpTrackerClient client = client()) {
      AnnounceResponse response = client.announce(Samples.request(AnnounceEvent.STARTED));
      assertThat(response.interval()).isEqualTo(Duration.ofMinutes(30));
      assertThat(response.seeders()).hasValue(5);
      assertThat(response.leechers()).hasValue(3);
      assertThat(response.peers()).isEqualTo(PEERS);
    }
    assertThat(tracker.problems()).isEmpty();
    assertThat(tracker.received())
        .extracting(FakeUdpTracker.Received::action)
        .containsExactly(UdpRequest.CONNECT, UdpRequest.ANNOUNCE);
    FakeUdpTracker.Received announce = tracker.received().get(1);
    assertThat(announce.bytes(16, 20)).isEqualTo(Samples.HASH.toByteArray());
    assertThat(announce.bytes(36, 20)).isEqualTo(Samples.PEER_ID.toByteArray());
    assertThat(announce.downloaded()).isEqualTo(200);
    assertThat(announce.left()).isEqualTo(300);
    assertThat(announce.uploaded()).isEqualTo(100);
    assertThat(announce.event()).isEqualTo(2);
    assertThat(announce.key()).isEqualTo(0x0badcafe);
    assertThat(announce.numWant()).isEqualTo(50);
    assertThat(announce.port()).isEqualTo(6881);
  }

  @Test
  void reusesTheConnectionIdForOneMinute() {
    try (UdpTrackerClient client = client()) {
      client.announce(Samples.request(AnnounceEvent.STARTED));
      clock.advance(Duration.ofSeconds(59));
      client.announce(Samples.request(AnnounceEvent.NONE));
      assertThat(tracker.count(UdpRequest.CONNECT)).isEqualTo(1);
      clock.advance(Duration.ofSeconds(1));
      client.announce(Samples.request(AnnounceEvent.NONE));
      assertThat(tracker.count(UdpRequest.CONNECT)).isEqualTo(2);
    }
    assertThat(tracker.problems()).isEmpty();
  }

  @Test
  void retransmitsWithTheSameTransactionId() {
    AtomicInteger announces = new AtomicInteger();
    tracker.answer(
        r ->
            r.action() == UdpRequest.ANNOUNCE && announces.incrementAndGet() <= 2
                ? List.of()
                : tracker.standard(r, PEERS));
    try (UdpTrackerClient client = client()) {
      assertThat(client.announce(Samples.request(AnnounceEvent.NONE)).peers()).isEqualTo(PEERS);
    }
    List<FakeUdpTracker.Received> sent =
        tracker.received().stream().filter(r -> r.action() == UdpRequest.ANNOUNCE).toList();
    assertThat(sent).hasSize(3);
    assertThat(sent)
        .extracting(FakeUdpTracker.Received::transactionId)
        .containsOnly(sent.getFirst().transactionId());
  }

  @Test
  void connectsAgainWhenTheIdExpiresWhileRetransmitting() {
    AtomicInteger announces = new AtomicInteger();
    tracker.answer(
        r -> {
          if (r.action() == UdpRequest.ANNOUNCE && announces.incrementAndGet() == 1) {
            clock.advance(Duration.ofSeconds(61)); // the answer is lost and a minute passes
            return List.of();
          }
          return tracker.standard(r, PEERS);
        });
    try (UdpTrackerClient client = client()) {
      client.announce(Samples.request(AnnounceEvent.NONE));
    }
    List<FakeUdpTracker.Received> sent = tracker.received();
    assertThat(sent)
        .extracting(FakeUdpTracker.Received::action)
        .containsExactly(
            UdpRequest.CONNECT, UdpRequest.ANNOUNCE, UdpRequest.CONNECT, UdpRequest.ANNOUNCE);
    assertThat(sent.get(3).connectionId()).isNotEqualTo(sent.get(1).connectionId());
    assertThat(sent.get(3).transactionId()).isNotEqualTo(sent.get(1).transactionId());
  }

  @Test
  void givesUpAfterTheLastRetransmission() {
    tracker.answer(r -> List.of());
    try (UdpTrackerClient client = client()) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(TrackerUnreachableException.class)
          .hasMessage(tracker.url() + " did not answer after 4 tries");
    }
    assertThat(tracker.received())
        .hasSize(4)
        .extracting(FakeUdpTracker.Received::transactionId)
        .containsOnly(tracker.received().getFirst().transactionId());
  }

  @Test
  void reportsTheTrackersError() {
    tracker.answer(
        r ->
            r.action() == UdpRequest.ANNOUNCE
                ? List.of(
                    new UdpResponse.Failure(r.transactionId(), "torrent not registered").encode())
                : tracker.standard(r, PEERS));
    try (UdpTrackerClient client = client()) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOfSatisfying(
              TrackerFailureException.class,
              e -> assertThat(e.reason()).isEqualTo("torrent not registered"))
          .hasMessage(tracker.url() + " refused: torrent not registered");
    }
  }

  @Test
  void ignoresAnswersToOtherTransactions() {
    tracker.answer(
        r ->
            r.action() == UdpRequest.ANNOUNCE
                ? List.of(
                    new UdpResponse.Announce(
                            r.transactionId() + 1, 5, 0, 0, List.of(), UdpResponse.Family.V4)
                        .encode(),
                    tracker.standard(r, PEERS).getFirst())
                : tracker.standard(r, PEERS));
    try (UdpTrackerClient client = client()) {
      assertThat(client.announce(Samples.request(AnnounceEvent.NONE)).interval())
          .isEqualTo(Duration.ofMinutes(30));
    }
  }

  @Test
  void refusesAnAnnounceAnswerWithAPartialPeer() {
    tracker.answer(
        r ->
            r.action() == UdpRequest.ANNOUNCE
                ? List.of(Arrays.copyOf(tracker.standard(r, PEERS).getFirst(), 21))
                : tracker.standard(r, PEERS));
    try (UdpTrackerClient client = client()) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(MalformedTrackerResponseException.class)
          .hasMessage(tracker.url() + ": UDP announce peers of 1 bytes is not a multiple of 6");
    }
  }

  @Test
  void refusesAConnectAnswerOfTheWrongLength() {
    tracker.answer(r -> List.of(Arrays.copyOf(tracker.standard(r, PEERS).getFirst(), 17)));
    try (UdpTrackerClient client = client()) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(MalformedTrackerResponseException.class)
          .hasMessage(tracker.url() + ": UDP connect answer of 17 bytes, not 16");
    }
  }

  @Test
  void refusesAConnectAnsweredWithSomethingElse() {
    tracker.answer(
        r ->
            List.of(
                new UdpResponse.Announce(
                        r.transactionId(), 5, 0, 0, List.of(), UdpResponse.Family.V4)
                    .encode()));
    try (UdpTrackerClient client = client()) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(MalformedTrackerResponseException.class)
          .hasMessage(tracker.url() + " answered a connect with an announce answer");
    }
  }

  @Test
  void refusesAnOversizeDatagram() {
    tracker.answer(
        r -> {
          if (r.action() != UdpRequest.ANNOUNCE) {
            return tracker.standard(r, PEERS);
          }
          byte[] huge = new byte[UdpResponse.MAX_LENGTH + 100];
          ByteBuffer.wrap(huge).putInt(UdpRequest.ANNOUNCE).putInt(r.transactionId());
          return List.of(huge);
        });
    try (UdpTrackerClient client = client()) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(MalformedTrackerResponseException.class)
          .hasMessage(tracker.url() + ": UDP tracker answer of more than 8192 bytes");
    }
  }

  @Test
  void scrapesSeveralTorrents() {
    try (UdpTrackerClient client = client()) {
      ScrapeResponse scrape = client.scrape(List.of(Samples.HASH, Samples.OTHER_HASH));
      assertThat(scrape.stats(Samples.HASH)).contains(new ScrapeStats(5, 7, 3));
      assertThat(scrape.stats(Samples.OTHER_HASH)).contains(new ScrapeStats(5, 7, 3));
    }
    FakeUdpTracker.Received scrape = tracker.received().get(1);
    assertThat(scrape.bytes(16, 20)).isEqualTo(Samples.HASH.toByteArray());
    assertThat(scrape.bytes(36, 20)).isEqualTo(Samples.OTHER_HASH.toByteArray());
  }

  @Test
  void refusesAScrapeAnswerForAnotherNumberOfTorrents() {
    tracker.answer(
        r ->
            r.action() == UdpRequest.SCRAPE
                ? List.of(
                    new UdpResponse.Scrape(r.transactionId(), List.of(new ScrapeStats(1, 1, 1)))
                        .encode())
                : tracker.standard(r, PEERS));
    try (UdpTrackerClient client = client()) {
      assertThatThrownBy(() -> client.scrape(List.of(Samples.HASH, Samples.OTHER_HASH)))
          .isInstanceOf(MalformedTrackerResponseException.class)
          .hasMessage(tracker.url() + " answered a scrape of 2 torrents with 1");
    }
  }

  @Test
  void reportsAClosedPort() throws IOException {
    int closedPort;
    try (DatagramSocket s =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      closedPort = s.getLocalPort();
    }
    String url = "udp://127.0.0.1:" + closedPort;
    try (UdpTrackerClient client = client(url)) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(TrackerUnreachableException.class)
          .hasMessage(url + " refused: nothing listens on its port");
    }
  }

  @Test
  void failsCallsAfterClose() {
    UdpTrackerClient client = client();
    client.announce(Samples.request(AnnounceEvent.NONE));
    client.close();
    assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
        .isInstanceOf(TrackerUnreachableException.class)
        .hasMessage("the client of " + tracker.url() + " was closed");
  }
}
