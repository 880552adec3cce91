package org.equinode.torrent.tracker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.equinode.common.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * Announces one torrent to its trackers (BEP 3, BEP 12) for as long as a session runs.
 *
 * <p>Nothing happens on its own: each {@link #tick()} looks at the {@link TimeSource} and, when an
 * announce is due, hands one round to the {@link Executor}. A round tries the trackers in {@link
 * TrackerTiers} order, skipping those still backing off, until one answers; that one moves to the
 * front of its tier and sets the next announce ({@code interval}, kept within the settings' floor
 * and ceiling). A tracker that fails is not asked again for {@code retryBase * 2^(failures-1)}, at
 * most {@code retryMax}. A tracker hears {@code started} first; {@link #completed()} makes the next
 * announce a {@code completed} one, sent once, not before the working tracker's {@code min
 * interval} (or the floor); {@link #shutdown} sends {@code stopped} to every tracker that heard
 * {@code started}, waiting a bounded time. At most one round runs at a time.
 *
 * <p>A test drives it with a {@code TestClock}, a direct executor ({@code Runnable::run}) and a
 * fake {@link TrackerConnector}; a session either calls {@link #tick()} from its own loop or lets
 * {@link #driveWith} call it. Thread-safe; no lock is held while a tracker is spoken to or the
 * listener is called.
 */
public final class AnnounceScheduler {
  /** Numbers a session may tune. */
  public record Settings(
      int numWant,
      Duration minInterval,
      Duration maxInterval,
      Duration retryBase,
      Duration retryMax) {
    /** 50 peers; intervals kept within 1 min..2 h; retries after 30 s, doubling up to 1 h. */
    public static final Settings DEFAULT =
        new Settings(
            AnnounceRequest.DEFAULT_NUM_WANT,
            Duration.ofMinutes(1),
            Duration.ofHours(2),
            Duration.ofSeconds(30),
            Duration.ofHours(1));

    public Settings {
      if (numWant < 0 || numWant > AnnounceRequest.MAX_NUM_WANT) {
        throw new IllegalArgumentException("numwant " + numWant + " out of range");
      }
      if (!positive(minInterval) || minInterval.compareTo(maxInterval) > 0) {
        throw new IllegalArgumentException(
            "interval bounds " + minInterval + ".." + maxInterval + " are not 0 < min <= max");
      }
      if (!positive(retryBase) || retryBase.compareTo(retryMax) > 0) {
        throw new IllegalArgumentException(
            "retry bounds " + retryBase + ".." + retryMax + " are not 0 < base <= max");
      }
    }

    private static boolean positive(Duration d) {
      return !d.isNegative() && !d.isZero();
    }

    /** The wait after the {@code failures}th failure in a row (1-based). */
    Duration backoff(int failures) {
      int doublings = Math.min(failures - 1, 30);
      Duration d = retryBase.multipliedBy(1L << doublings);
      return d.compareTo(retryMax) > 0 ? retryMax : d;
    }

    /** {@code interval} kept within the floor and ceiling. */
    Duration clamp(Duration interval) {
      if (interval.compareTo(minInterval) < 0) {
        return minInterval;
      }
      return interval.compareTo(maxInterval) > 0 ? maxInterval : interval;
    }
  }

  /** What the scheduler knows about one tracker. Guarded by the scheduler's lock. */
  private static final class TrackerState {
    final TrackerUrl url;
    @Nullable TrackerClient client;
    boolean started;
    int failures;
    long retryAtNanos;
    Optional<TrackerId> trackerId = Optional.empty();
    Optional<Duration> minInterval = Optional.empty();
    Optional<String> lastError = Optional.empty();

    TrackerState(TrackerUrl url, long now) {
      this.url = url;
      this.retryAtNanos = now;
    }
  }

  private final AnnounceTarget target;
  private final TrackerTiers tiers;
  private final TrackerConnector connector;
  private final Supplier<TransferTotals> totals;
  private final TimeSource time;
  private final Executor executor;
  private final TrackerListener listener;
  private final Settings settings;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<TrackerUrl, TrackerState> states = new LinkedHashMap<>();
  private long nextAnnounceNanos;
  private long lastSuccessNanos;
  private @Nullable TrackerState working;
  private boolean completedPending;
  private boolean completedSent;
  private boolean announceRequested;
  private boolean inFlight;
  private boolean closed;
  private @Nullable ScheduledFuture<?> driver;

  /**
   * A scheduler whose first {@link #tick()} announces {@code started}.
   *
   * @param totals read at each announce (outside any lock of this scheduler)
   * @param executor runs rounds and {@code stopped} announces; {@code Runnable::run} runs them in
   *     the caller, a virtual-thread executor in the background
   */
  public AnnounceScheduler(
      AnnounceTarget target,
      TrackerTiers tiers,
      TrackerConnector connector,
      Supplier<TransferTotals> totals,
      TimeSource time,
      Executor executor,
      TrackerListener listener,
      Settings settings) {
    this.target = target;
    this.tiers = tiers;
    this.connector = connector;
    this.totals = totals;
    this.time = time;
    this.executor = executor;
    this.listener = listener;
    this.settings = settings;
    long now = time.nanoTime();
    this.nextAnnounceNanos = now;
    for (TrackerUrl url : tiers.inOrder()) {
      states.put(url, new TrackerState(url, now));
    }
  }

  /** Starts a round if one is due and none is running. Cheap when nothing is due. */
  public void tick() {
    List<TrackerState> plan = new ArrayList<>();
    lock.lock();
    try {
      if (closed || inFlight || states.isEmpty()) {
        return;
      }
      long now = time.nanoTime();
      if (!isDue(now)) {
        return;
      }
      for (TrackerUrl url : tiers.inOrder()) {
        TrackerState state = state(url);
        if (now - state.retryAtNanos >= 0) {
          plan.add(state);
        }
      }
      if (plan.isEmpty()) {
        nextAnnounceNanos = earliestRetry();
        return;
      }
      inFlight = true;
    } finally {
      lock.unlock();
    }
    try {
      executor.execute(() -> round(plan));
    } catch (RejectedExecutionException e) {
      endRound();
      throw e;
    }
  }

  /** The download is complete: the next announce says {@code completed}, once per scheduler. */
  public void completed() {
    lock.lock();
    try {
      completedPending = !completedSent;
    } finally {
      lock.unlock();
    }
  }

  /** Asks for an announce as soon as the working tracker's {@code min interval} allows. */
  public void requestAnnounce() {
    lock.lock();
    try {
      announceRequested = true;
    } finally {
      lock.unlock();
    }
  }

  /** Calls {@link #tick()} every {@code period} on {@code scheduler} until {@link #shutdown}. */
  public void driveWith(ScheduledExecutorService scheduler, Duration period) {
    lock.lock();
    try {
      if (driver != null || closed) {
        throw new IllegalStateException("already driven or shut down");
      }
      driver =
          scheduler.scheduleWithFixedDelay(this::tick, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    } finally {
      lock.unlock();
    }
  }

  /** Time until the next regular announce, zero if it is due. */
  public Duration untilNextAnnounce() {
    lock.lock();
    try {
      return Duration.ofNanos(Math.max(0, nextAnnounceNanos - time.nanoTime()));
    } finally {
      lock.unlock();
    }
  }

  /** Every tracker in the order it will be tried. */
  public List<TrackerStatus> status() {
    lock.lock();
    try {
      List<TrackerStatus> out = new ArrayList<>();
      for (TrackerUrl url : tiers.inOrder()) {
        TrackerState s = state(url);
        out.add(
            new TrackerStatus(
                url, tiers.tierOf(url), s == working, s.started, s.failures, s.lastError));
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops announcing: closes the clients (ending a round under way), sends {@code stopped} to every
   * tracker that heard {@code started}, in parallel on the executor, waits at most {@code maxWait}
   * for them, then closes their clients too. Later calls do nothing.
   */
  public void shutdown(Duration maxWait) {
    List<TrackerState> toStop = new ArrayList<>();
    List<TrackerClient> toClose = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (driver != null) {
        driver.cancel(false);
      }
      for (TrackerState s : states.values()) {
        if (s.started) {
          toStop.add(s);
        }
        if (s.client != null) {
          toClose.add(s.client);
          s.client = null;
        }
      }
    } finally {
      lock.unlock();
    }
    toClose.forEach(TrackerClient::close);
    TransferTotals now = totals.get();
    CountDownLatch done = new CountDownLatch(toStop.size());
    List<TrackerClient> stopClients = new ArrayList<>();
    for (TrackerState s : toStop) {
      AnnounceRequest request;
      lock.lock();
      try {
        request = request(s, AnnounceEvent.STOPPED, now);
      } finally {
        lock.unlock();
      }
      TrackerClient client = connector.open(s.url);
      stopClients.add(client);
      try {
        executor.execute(() -> stop(client, request, done));
      } catch (RejectedExecutionException e) {
        done.countDown();
      }
    }
    try {
      done.await(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopClients.forEach(TrackerClient::close);
    }
  }

  private void stop(TrackerClient client, AnnounceRequest request, CountDownLatch done) {
    try {
      AnnounceResponse response = client.announce(request);
      listener.onEvent(new TrackerEvent.Announced(client.url(), AnnounceEvent.STOPPED, response));
    } catch (TrackerException e) {
      listener.onEvent(
          new TrackerEvent.AnnounceFailed(client.url(), AnnounceEvent.STOPPED, e, Duration.ZERO));
    } finally {
      done.countDown();
    }
  }

  /** Tries the planned trackers in order until one answers. */
  private void round(List<TrackerState> plan) {
    try {
      for (TrackerState state : plan) {
        TransferTotals now = totals.get();
        TrackerClient client;
        AnnounceEvent event;
        AnnounceRequest request;
        lock.lock();
        try {
          if (closed) {
            return;
          }
          event = eventFor(state);
          request = request(state, event, now);
          if (state.client == null) {
            state.client = connector.open(state.url);
          }
          client = state.client;
        } finally {
          lock.unlock();
        }
        Optional<TrackerEvent> report;
        boolean answered;
        try {
          AnnounceResponse response = client.announce(request);
          report = succeeded(state, event, response);
          answered = true;
        } catch (TrackerException e) {
          report = failed(state, event, e);
          answered = false;
        }
        report.ifPresent(listener::onEvent);
        if (answered) {
          return;
        }
      }
      lock.lock();
      try {
        nextAnnounceNanos = earliestRetry();
      } finally {
        lock.unlock();
      }
    } finally {
      endRound();
    }
  }

  private Optional<TrackerEvent> succeeded(
      TrackerState state, AnnounceEvent event, AnnounceResponse response) {
    lock.lock();
    try {
      if (closed) {
        return Optional.empty();
      }
      long now = time.nanoTime();
      state.failures = 0;
      state.retryAtNanos = now;
      state.lastError = Optional.empty();
      if (response.trackerId().isPresent()) {
        state.trackerId = response.trackerId();
      }
      state.minInterval = response.minInterval();
      state.started = true;
      if (event == AnnounceEvent.COMPLETED) {
        completedSent = true;
        completedPending = false;
      }
      tiers.promote(state.url);
      working = state;
      lastSuccessNanos = now;
      announceRequested = false;
      nextAnnounceNanos = now + settings.clamp(response.interval()).toNanos();
      return Optional.of(new TrackerEvent.Announced(state.url, event, response));
    } finally {
      lock.unlock();
    }
  }

  private Optional<TrackerEvent> failed(
      TrackerState state, AnnounceEvent event, TrackerException e) {
    lock.lock();
    try {
      if (closed) {
        return Optional.empty();
      }
      state.failures++;
      Duration wait = settings.backoff(state.failures);
      state.retryAtNanos = time.nanoTime() + wait.toNanos();
      state.lastError = Optional.ofNullable(e.getMessage());
      if (state == working) {
        working = null;
      }
      return Optional.of(new TrackerEvent.AnnounceFailed(state.url, event, e, wait));
    } finally {
      lock.unlock();
    }
  }

  private void endRound() {
    lock.lock();
    try {
      inFlight = false;
    } finally {
      lock.unlock();
    }
  }

  /** Guarded by the lock. */
  private boolean isDue(long now) {
    if (now - nextAnnounceNanos >= 0) {
      return true;
    }
    if (!completedPending && !announceRequested) {
      return false;
    }
    TrackerState w = working;
    if (w == null) {
      return true;
    }
    Duration gap = w.minInterval.orElse(settings.minInterval());
    if (gap.compareTo(settings.minInterval()) < 0) {
      gap = settings.minInterval();
    }
    return now - (lastSuccessNanos + gap.toNanos()) >= 0;
  }

  /** Guarded by the lock. */
  private long earliestRetry() {
    long earliest = 0;
    boolean first = true;
    for (TrackerState s : states.values()) {
      if (first || s.retryAtNanos - earliest < 0) {
        earliest = s.retryAtNanos;
        first = false;
      }
    }
    return earliest;
  }

  /** Guarded by the lock. */
  private AnnounceEvent eventFor(TrackerState state) {
    if (!state.started) {
      return AnnounceEvent.STARTED;
    }
    return completedPending ? AnnounceEvent.COMPLETED : AnnounceEvent.NONE;
  }

  /** Guarded by the lock. */
  private AnnounceRequest request(TrackerState state, AnnounceEvent event, TransferTotals t) {
    return new AnnounceRequest(
        target.infoHash(),
        target.peerId(),
        target.port(),
        t.uploaded(),
        t.downloaded(),
        t.left(),
        event,
        event == AnnounceEvent.STOPPED ? 0 : settings.numWant(),
        target.key(),
        state.trackerId);
  }

  private TrackerState state(TrackerUrl url) {
    TrackerState s = states.get(url);
    if (s == null) {
      throw new IllegalStateException(url + " has no state");
    }
    return s;
  }
}
