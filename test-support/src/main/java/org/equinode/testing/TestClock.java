package org.equinode.testing;

import java.time.Duration;
import java.time.Instant;
import org.equinode.common.TimeSource;

/**
 * A clock that moves only when a test says so. Wall-clock and monotonic readings advance together.
 * Thread-safe, so that a test may advance it while the code under test reads it.
 */
public final class TestClock implements TimeSource {
  private Instant now;
  private long nanos;

  private TestClock(Instant start) {
    this.now = start;
  }

  /** A clock stopped at {@code start}. */
  public static TestClock at(Instant start) {
    return new TestClock(start);
  }

  /** A clock stopped at 2026-01-01T00:00:00Z. */
  public static TestClock fixed() {
    return at(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  /** Moves both readings forward. */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back: " + duration);
    }
    now = now.plus(duration);
    nanos += duration.toNanos();
  }

  /** Sets the wall clock, as a user changing the system time would; the monotonic reading stays. */
  public synchronized void setWallClock(Instant instant) {
    now = instant;
  }
}
