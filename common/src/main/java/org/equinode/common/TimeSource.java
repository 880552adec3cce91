package org.equinode.common;

import java.time.Instant;

/**
 * Where logic reads the time. Production code gets {@link #system()}; tests pass a controllable
 * clock so that nothing depends on the wall clock.
 */
public interface TimeSource {
  /** Wall-clock time, for timestamps that leave the process (block times, logs). */
  Instant now();

  /** A monotonic reading in nanoseconds, for measuring intervals and timeouts. */
  long nanoTime();

  /** Seconds since the Unix epoch. */
  default long epochSeconds() {
    return now().getEpochSecond();
  }

  /** The system clock. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }
}
