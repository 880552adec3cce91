package org.equinode.common;

import java.time.Instant;

/** The JVM's wall clock and monotonic timer. */
enum SystemTimeSource implements TimeSource {
  INSTANCE;

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }
}
