package org.equinode.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.equinode.common.DecodeException;
import org.equinode.testing.SeededRandom;

/**
 * Seeded random edits of a valid encoding (flipped bits, replaced, inserted, deleted or appended
 * bytes, truncation). A decoder must turn each mutant into a value that re-encodes to exactly the
 * mutant, or refuse it with the exception the test names; anything else fails with the seed and
 * round that produced it.
 */
public final class Mutations {
  private Mutations() {}

  /** Like {@link #check(byte[], UnaryOperator, Class, long, int)} for {@link DecodeException}. */
  public static int check(
      byte[] valid, UnaryOperator<byte[]> decodeThenEncode, long seed, int rounds) {
    return check(valid, decodeThenEncode, DecodeException.class, seed, rounds);
  }

  /**
   * Runs {@code rounds} mutants through {@code decodeThenEncode}.
   *
   * @return how many were refused with {@code refusal}
   */
  public static int check(
      byte[] valid,
      UnaryOperator<byte[]> decodeThenEncode,
      Class<? extends RuntimeException> refusal,
      long seed,
      int rounds) {
    RandomGenerator random = SeededRandom.of(seed);
    int refused = 0;
    for (int round = 0; round < rounds; round++) {
      byte[] mutant = mutate(valid, random);
      byte[] again;
      try {
        again = decodeThenEncode.apply(mutant);
      } catch (RuntimeException e) {
        if (refusal.isInstance(e)) {
          refused++;
          continue;
        }
        throw new AssertionError("seed " + seed + " round " + round + ": " + e, e);
      }
      assertThat(again).as("seed %d round %d re-encodes the mutant", seed, round).isEqualTo(mutant);
    }
    return refused;
  }

  private static byte[] mutate(byte[] valid, RandomGenerator random) {
    byte[] out = valid;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      out = edit(out, random);
    }
    return out;
  }

  private static byte[] edit(byte[] in, RandomGenerator random) {
    if (in.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int at = random.nextInt(in.length);
    byte[] out;
    switch (random.nextInt(6)) {
      case 0 -> {
        out = in.clone();
        out[at] ^= (byte) (1 << random.nextInt(8));
      }
      case 1 -> {
        out = in.clone();
        out[at] = (byte) random.nextInt(256);
      }
      case 2 -> out = Arrays.copyOf(in, at);
      case 3 -> {
        out = new byte[in.length + 1];
        System.arraycopy(in, 0, out, 0, at);
        out[at] = (byte) random.nextInt(256);
        System.arraycopy(in, at, out, at + 1, in.length - at);
      }
      case 4 -> {
        out = new byte[in.length - 1];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + 1, out, at, in.length - at - 1);
      }
      default -> {
        out = Arrays.copyOf(in, in.length + 1 + random.nextInt(4));
        for (int i = in.length; i < out.length; i++) {
          out[i] = (byte) random.nextInt(256);
        }
      }
    }
    return out;
  }
}
