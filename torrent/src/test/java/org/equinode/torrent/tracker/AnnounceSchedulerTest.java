package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AnnounceSchedulerTest {
  private static final String A = "http://a.example/announce";
  private static final String B = "http://b.example/announce";
  private static final String C = "udp://c.example:6969";
  private static final AnnounceTarget TARGET =
      new AnnounceTarget(Samples.HASH, Samples.PEER_ID, 6881, 0x1234);

  private final TestClock clock = TestClock.fixed();
  private final FakeTrackers trackers = new FakeTrackers();
  private final List<TrackerEvent> events = new CopyOnWriteArrayList<>();
  private TransferTotals totals = new TransferTotals(0, 0, 1000);

  private static AnnounceResponse ok(Duration interval) {
    return AnnounceResponse.of(interval, List.of(Samples.v4(10, 0, 0, 1, 6881)));
  }

  private static AnnounceResponse ok(Duration interval, Duration minInterval) {
    return new AnnounceResponse(
        interval,
        Optional.of(minInterval),
        OptionalInt.empty(),
        OptionalInt.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  private static TrackerException down(String url) {
    return new TrackerUnreachableException(url + " did not answer");
  }

  private AnnounceScheduler scheduler(List<List<String>> urls) {
    return new AnnounceScheduler(
        TARGET,
        TrackerTiers.parse(urls, SeededRandom.of(3)),
        trackers,
        () -> totals,
        clock,
        Runnable::run,
        events::add,
        AnnounceScheduler.Settings.DEFAULT);
  }

  private void advance(long seconds) {
    clock.advance(Duration.ofSeconds(seconds));
  }

  @Test
  void startsAtTheFirstTickThenWaitsForTheInterval() {
    trackers.script(A, ok(Duration.ofMinutes(30)));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A)));
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example STARTED");
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            TrackerEvent.Announced.class,
            e -> assertThat(e.response().peers()).containsExactly(Samples.v4(10, 0, 0, 1, 6881)));
    scheduler.tick();
    advance(1799);
    scheduler.tick();
    assertThat(trackers.drain()).isEmpty();
    assertThat(scheduler.untilNextAnnounce()).isEqualTo(Duration.ofSeconds(1));
    advance(1);
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example NONE");
  }

  @Test
  void sendsTheSessionsNumbers() {
    trackers.script(A, ok(Duration.ofMinutes(30)));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A)));
    totals = new TransferTotals(11, 22, 33);
    scheduler.tick();
    AnnounceRequest request = trackers.calls().getFirst().request();
    assertThat(request)
        .isEqualTo(
            new AnnounceRequest(
                Samples.HASH,
                Samples.PEER_ID,
                6881,
                11,
                22,
                33,
                AnnounceEvent.STARTED,
                50,
                0x1234,
                Optional.empty()));
  }

  @Test
  void keepsTheTrackersIntervalWithinTheFloorAndCeiling() {
    trackers.script(A, ok(Duration.ofSeconds(5)), ok(Duration.ofHours(10)));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A)));
    scheduler.tick();
    advance(59);
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example STARTED");
    advance(1);
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example NONE");
    assertThat(scheduler.untilNextAnnounce()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void triesTheNextTrackerOfTheTierAndMovesTheOneThatAnsweredToTheFront() {
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A, B)));
    List<TrackerUrl> order = scheduler.status().stream().map(TrackerStatus::url).toList();
    String first = order.get(0).toString();
    String second = order.get(1).toString();
    trackers.script(first, down(first));
    trackers.script(second, ok(Duration.ofMinutes(30)));
    scheduler.tick();
    assertThat(trackers.drain())
        .containsExactly(order.get(0).host() + " STARTED", order.get(1).host() + " STARTED");
    assertThat(scheduler.status())
        .extracting(TrackerStatus::url, TrackerStatus::working, TrackerStatus::failures)
        .containsExactly(tuple(order.get(1), true, 0), tuple(order.get(0), false, 1));

    advance(1800);
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly(order.get(1).host() + " NONE");

    // The working tracker fails; the other, whose backoff has passed, answers and goes first.
    trackers.script(second, down(second));
    trackers.script(first, ok(Duration.ofMinutes(30)));
    advance(1800);
    scheduler.tick();
    assertThat(trackers.drain())
        .containsExactly(order.get(1).host() + " NONE", order.get(0).host() + " STARTED");
    assertThat(scheduler.status().getFirst().url()).isEqualTo(order.get(0));
  }

  @Test
  void goesToTheNextTierOnlyWhenAWholeTierFailsAndStartsFromTheFirstTierEachTime() {
    trackers.script(A, down(A), ok(Duration.ofMinutes(30)));
    trackers.script(C, ok(Duration.ofMinutes(30)));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A), List.of(C)));
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example STARTED", "c.example STARTED");
    advance(1800);
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example STARTED");
    assertThat(scheduler.status())
        .extracting(TrackerStatus::tier, TrackerStatus::started)
        .containsExactly(tuple(0, true), tuple(1, true));
  }

  @Test
  void backsOffExponentiallyFromAFailingTracker() {
    trackers.script(A, down(A));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A)));
    long[] waits = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};
    for (long wait : waits) {
      scheduler.tick();
      assertThat(trackers.drain()).containsExactly("a.example STARTED");
      TrackerEvent.AnnounceFailed failed = (TrackerEvent.AnnounceFailed) events.getLast();
      assertThat(failed.retryIn()).isEqualTo(Duration.ofSeconds(wait));
      assertThat(failed.error()).isInstanceOf(TrackerUnreachableException.class);
      advance(wait - 1);
      scheduler.tick();
      assertThat(trackers.drain()).isEmpty();
      advance(1);
    }
  }

  @Test
  void reportsARefusalAndBacksOffFromIt() {
    TrackerUrl a = TrackerUrl.parse(A);
    trackers.script(A, new TrackerFailureException(a, "unregistered torrent"));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A)));
    scheduler.tick();
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            TrackerEvent.AnnounceFailed.class,
            e -> {
              assertThat(e.tracker()).isEqualTo(a);
              assertThat(e.event()).isEqualTo(AnnounceEvent.STARTED);
              assertThat(e.error()).hasMessage(A + " refused: unregistered torrent");
            });
    assertThat(scheduler.status().getFirst().lastError())
        .contains(A + " refused: unregistered torrent");
  }

  @Test
  void sendsCompletedOnceAndNotBeforeTheMinInterval() {
    trackers.script(A, ok(Duration.ofMinutes(30), Duration.ofMinutes(2)));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A)));
    scheduler.tick();
    scheduler.completed();
    advance(119);
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example STARTED");
    advance(1);
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example COMPLETED");
    scheduler.completed();
    advance(300);
    scheduler.tick();
    assertThat(trackers.drain()).isEmpty();
    advance(1500);
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example NONE");
  }

  @Test
  void keepsCompletedPendingUntilATrackerTakesIt() {
    trackers.script(A, ok(Duration.ofMinutes(30)), down(A), ok(Duration.ofMinutes(30)));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A)));
    scheduler.tick();
    scheduler.completed();
    advance(60);
    scheduler.tick();
    advance(30);
    scheduler.tick();
    assertThat(trackers.drain())
        .containsExactly("a.example STARTED", "a.example COMPLETED", "a.example COMPLETED");
  }

  @Test
  void honoursARequestForPeersAfterTheFloor() {
    trackers.script(A, ok(Duration.ofMinutes(30)));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A)));
    scheduler.tick();
    scheduler.requestAnnounce();
    advance(59);
    scheduler.tick();
    advance(1);
    scheduler.tick();
    scheduler.tick();
    assertThat(trackers.drain()).containsExactly("a.example STARTED", "a.example NONE");
  }

  @Test
  void sendsTheTrackerIdBack() {
    AnnounceResponse withId =
        new AnnounceResponse(
            Duration.ofMinutes(30),
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            List.of(),
            Optional.empty(),
            Optional.of(TrackerId.of(new byte[] {'x'})));
    trackers.script(A, withId, ok(Duration.ofMinutes(30)));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A)));
    scheduler.tick();
    advance(1800);
    scheduler.tick();
    advance(1800);
    scheduler.tick();
    assertThat(trackers.calls())
        .extracting(call -> call.request().trackerId())
        .containsExactly(
            Optional.empty(),
            Optional.of(TrackerId.of(new byte[] {'x'})),
            Optional.of(TrackerId.of(new byte[] {'x'})));
  }

  @Test
  void stopsOnlyTrackersThatHeardStartedAndThenFallsSilent() {
    trackers.script(A, ok(Duration.ofMinutes(30)));
    trackers.script(C, ok(Duration.ofMinutes(30)));
    AnnounceScheduler scheduler = scheduler(List.of(List.of(A), List.of(C)));
    scheduler.tick();
    trackers.drain();
    scheduler.shutdown(Duration.ofSeconds(5));
    assertThat(trackers.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.url()).isEqualTo(TrackerUrl.parse(A));
              assertThat(call.request().event()).isEqualTo(AnnounceEvent.STOPPED);
              assertThat(call.request().numWant()).isZero();
            });
    assertThat(events.getLast()).isInstanceOf(TrackerEvent.Announced.class);
    assertThat(trackers.closed()).contains(TrackerUrl.parse(A));
    trackers.drain();
    advance(7200);
    scheduler.tick();
    scheduler.shutdown(Duration.ofSeconds(5));
    assertThat(trackers.drain()).isEmpty();
  }

  /** A client that answers {@code started} at once and hangs on anything else until closed. */
  private static TrackerClient hangingOnStop(TrackerUrl url, List<TrackerUrl> closedClients) {
    CountDownLatch closed = new CountDownLatch(1);
    return new TrackerClient() {
      @Override
      public TrackerUrl url() {
        return url;
      }

      @Override
      public AnnounceResponse announce(AnnounceRequest request) {
        if (request.event() == AnnounceEvent.STARTED) {
          return ok(Duration.ofMinutes(30));
        }
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new TrackerUnreachableException("the client of " + url + " was closed");
      }

      @Override
      public ScrapeResponse scrape(List<InfoHash> infoHashes) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void close() {
        closedClients.add(url);
        closed.countDown();
      }
    };
  }

  @Test
  @Timeout(20)
  void waitsForStoppedOnlySoLongThenClosesTheClient() throws InterruptedException {
    List<TrackerUrl> closedClients = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch stopFailed = new CountDownLatch(1);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      AnnounceScheduler scheduler =
          new AnnounceScheduler(
              TARGET,
              TrackerTiers.parse(List.of(List.of(A)), SeededRandom.of(1)),
              url -> hangingOnStop(url, closedClients),
              () -> totals,
              clock,
              executor,
              e -> {
                if (e instanceof TrackerEvent.Announced) {
                  started.countDown();
                } else if (e instanceof TrackerEvent.AnnounceFailed f
                    && f.event() == AnnounceEvent.STOPPED) {
                  stopFailed.countDown();
                }
              },
              AnnounceScheduler.Settings.DEFAULT);
      scheduler.tick();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      scheduler.shutdown(Duration.ofMillis(100));
      // The regular client and the one that sent (and hung on) stopped are both closed.
      assertThat(closedClients).hasSize(2);
      assertThat(stopFailed.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void doesNothingWithoutTrackers() {
    AnnounceScheduler scheduler = scheduler(List.of(List.of("not a url")));
    scheduler.tick();
    scheduler.shutdown(Duration.ofSeconds(1));
    assertThat(trackers.calls()).isEmpty();
  }

  @Test
  @Timeout(20)
  void canBeDrivenByAScheduledExecutor() throws InterruptedException {
    trackers.script(A, ok(Duration.ofMinutes(30)));
    CountDownLatch announced = new CountDownLatch(1);
    ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();
    try {
      AnnounceScheduler scheduler =
          new AnnounceScheduler(
              TARGET,
              TrackerTiers.parse(List.of(List.of(A)), SeededRandom.of(1)),
              trackers,
              () -> totals,
              clock,
              Runnable::run,
              e -> announced.countDown(),
              AnnounceScheduler.Settings.DEFAULT);
      scheduler.driveWith(ses, Duration.ofMillis(10));
      assertThat(announced.await(10, TimeUnit.SECONDS)).isTrue();
      scheduler.shutdown(Duration.ofSeconds(5));
    } finally {
      ses.shutdownNow();
    }
    assertThat(trackers.drain()).containsExactly("a.example STARTED", "a.example STOPPED");
  }
}
