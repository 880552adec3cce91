package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.equinode.torrent.tracker.FakeHttpTracker.Reply;
import org.junit.jupiter.api.Test;

/** The scheduler with real clients, against the in-test trackers on 127.0.0.1. */
class NetworkTrackerConnectorTest {
  @Test
  void fallsBackFromARefusingUdpTrackerToAnHttpOneAndStopsIt() throws IOException {
    TestClock clock = TestClock.fixed();
    List<TrackerEvent> events = new CopyOnWriteArrayList<>();
    byte[] ok =
        HttpTrackerCodec.encodeAnnounce(
            AnnounceResponse.of(Duration.ofMinutes(30), List.of(Samples.v4(127, 0, 0, 1, 7000))));
    try (FakeUdpTracker udp = FakeUdpTracker.start(r -> List.of());
        FakeHttpTracker http = FakeHttpTracker.start(q -> Reply.ok(ok));
        NetworkTrackerConnector connector =
            new NetworkTrackerConnector(
                clock,
                SeededRandom.of(5),
                Duration.ofSeconds(10),
                new UdpTrackerClient.Settings(
                    Duration.ofMillis(50), 2, Optional.of(InetAddress.getLoopbackAddress())))) {
      udp.answer(
          r ->
              r.action() == UdpRequest.CONNECT
                  ? udp.standard(r, List.of())
                  : List.of(new UdpResponse.Failure(r.transactionId(), "go away").encode()));
      AnnounceScheduler scheduler =
          new AnnounceScheduler(
              new AnnounceTarget(Samples.HASH, Samples.PEER_ID, 6881, 77),
              TrackerTiers.parse(
                  List.of(List.of(udp.url()), List.of(http.url("/announce"))), SeededRandom.of(1)),
              connector,
              () -> new TransferTotals(0, 0, 10),
              clock,
              Runnable::run,
              events::add,
              AnnounceScheduler.Settings.DEFAULT);
      scheduler.tick();
      scheduler.shutdown(Duration.ofSeconds(10));
      assertThat(events)
          .extracting(e -> e.getClass().getSimpleName() + " " + e.tracker().kind())
          .containsExactly("AnnounceFailed UDP", "Announced HTTP", "Announced HTTP");
      assertThat(((TrackerEvent.Announced) events.get(1)).response().peers())
          .containsExactly(Samples.v4(127, 0, 0, 1, 7000));
      assertThat(http.requests())
          .extracting(q -> q.text("event"))
          .containsExactly("started", "stopped");
      assertThat(udp.problems()).isEmpty();
      assertThat(http.problems()).isEmpty();
    }
  }
}
