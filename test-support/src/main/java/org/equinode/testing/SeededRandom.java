package org.equinode.testing;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** Deterministic randomness for tests. A failing test prints its seed; the same seed replays it. */
public final class SeededRandom {
  private static final String ALGORITHM = "L64X128MixRandom";

  private SeededRandom() {}

  /** A generator that yields the same sequence for the same seed on every JVM. */
  public static RandomGenerator of(long seed) {
    return RandomGeneratorFactory.of(ALGORITHM).create(seed);
  }

  /** {@code count} bytes from {@code random}. */
  public static byte[] bytes(RandomGenerator random, int count) {
    byte[] out = new byte[count];
    random.nextBytes(out);
    return out;
  }
}
