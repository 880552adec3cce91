package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

/** Senders on simulated time, as virtual threads would use the limiter: reserve, sleep, send. */
class RateLimiterSimulationTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final long DURATION = 60 * SECOND;

  private record Send(long at, long bytes, int sender) {}

  private record Wake(long at, int sender) {}

  /** Runs {@code senders} busy senders; each chunk waits for the longest of its limiters. */
  private static List<Send> run(long seed, int senders, List<List<RateLimiter>> limitersBySender) {
    RandomGenerator random = SeededRandom.of(seed);
    PriorityQueue<Wake> queue =
        new PriorityQueue<>(Comparator.comparingLong(Wake::at).thenComparingInt(Wake::sender));
    for (int i = 0; i < senders; i++) {
      queue.add(new Wake(random.nextLong(MS), i));
    }
    List<Send> sends = new ArrayList<>();
    while (!queue.isEmpty()) {
      Wake wake = queue.poll();
      if (wake.at() > DURATION) {
        continue;
      }
      long bytes = 1L + random.nextInt(64 * 1024);
      long wait = 0;
      for (RateLimiter limiter : limitersBySender.get(wake.sender())) {
        wait = Math.max(wait, limiter.reserve(bytes, wake.at()));
      }
      long sendAt = wake.at() + wait;
      sends.add(new Send(sendAt, bytes, wake.sender()));
      queue.add(new Wake(sendAt + random.nextLong(2 * MS), wake.sender()));
    }
    sends.sort(Comparator.comparingLong(Send::at));
    return sends;
  }

  /** Checks that by every moment the bytes sent stay within burst + rate x time. */
  private static long checkBound(List<Send> sends, long rate, long burst) {
    long total = 0;
    for (Send send : sends) {
      total += send.bytes();
      long allowed = burst + Math.floorDiv(send.at() * rate, SECOND);
      assertThat(total).as("bytes by %d ns", send.at()).isLessThanOrEqualTo(allowed);
    }
    return total;
  }

  private static long sentBy(List<Send> sends, long time) {
    return sends.stream().filter(s -> s.at() <= time).mapToLong(Send::bytes).sum();
  }

  @Test
  void busySendersGetExactlyTheRate() {
    long rate = 1_000_000;
    long burst = 64 * 1024;
    RateLimiter limiter = RateLimiter.of(rate, burst, 0);
    List<Send> sends =
        run(1, 4, List.of(List.of(limiter), List.of(limiter), List.of(limiter), List.of(limiter)));
    checkBound(sends, rate, burst);
    long sent = sentBy(sends, DURATION);
    // The link never idles: within one chunk per sender of the rate.
    assertThat(sent).isBetween(rate * 60 - 4 * 64 * 1024, rate * 60 + burst);
    for (int sender = 0; sender < 4; sender++) {
      int s = sender;
      long share =
          sends.stream()
              .filter(x -> x.sender() == s && x.at() <= DURATION)
              .mapToLong(Send::bytes)
              .sum();
      assertThat(share)
          .as("sender %d", sender)
          .isBetween(rate * 60 / 4 * 8 / 10, rate * 60 / 4 * 12 / 10);
    }
  }

  @Test
  void aTorrentLimitUnderAGlobalLimit() {
    long global = 1_000_000;
    long torrent = 300_000;
    RateLimiter all = RateLimiter.of(global, 64 * 1024, 0);
    RateLimiter limited = RateLimiter.of(torrent, 64 * 1024, 0);
    List<List<RateLimiter>> limiters =
        List.of(List.of(all, limited), List.of(all, limited), List.of(all), List.of(all));
    List<Send> sends = run(2, 4, limiters);
    long total = checkBound(sends, global, 64 * 1024);
    assertThat(total).isPositive();
    List<Send> fromLimited = sends.stream().filter(s -> s.sender() < 2).toList();
    checkBound(fromLimited, torrent, 64 * 1024);
    long limitedBytes = sentBy(fromLimited, DURATION);
    long allBytes = sentBy(sends, DURATION);
    assertThat(limitedBytes).isBetween(torrent * 60 * 95 / 100, torrent * 60 + 64 * 1024);
    assertThat(allBytes).isBetween(global * 60 * 95 / 100, global * 60 + 64 * 1024);
  }

  @Test
  void pollingWithTryAcquireAlsoGetsTheRate() {
    long rate = 500_000;
    // The burst must hold a chunk plus what accrues between polls, or the surplus is lost.
    long burst = 32 * 1024;
    RateLimiter limiter = RateLimiter.of(rate, burst, 0);
    long sent = 0;
    for (long now = 0; now <= DURATION; now += MS) {
      while (limiter.tryAcquire(16 * 1024, now)) {
        sent += 16 * 1024;
        assertThat(sent).isLessThanOrEqualTo(burst + now * rate / SECOND);
      }
    }
    assertThat(sent).isBetween(rate * 60 - 16 * 1024, rate * 60 + burst);
  }
}
