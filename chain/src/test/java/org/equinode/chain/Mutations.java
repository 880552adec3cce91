package org.equinode.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.equinode.common.DecodeException;
import org.equinode.testing.SeededRandom;

/**
 * Seeded random mutations of a valid encoding. Each mutant must either decode to a value that
 * re-encodes to exactly the mutant, or be refused with a {@link DecodeException}; any other
 * exception fails the test (and is reported with the seed and round that produced it).
 */
public final class Mutations {
  private Mutations() {}

  /**
   * Runs {@code rounds} mutants of {@code valid} through {@code decodeThenEncode}.
   *
   * @return how many mutants were refused, so a test can check that the decoder refused something
   */
  public static int check(
      byte[] valid, UnaryOperator<byte[]> decodeThenEncode, long seed, int rounds) {
    RandomGenerator random = SeededRandom.of(seed);
    int refused = 0;
    for (int round = 0; round < rounds; round++) {
      byte[] mutant = mutate(valid, random);
      byte[] again;
      try {
        again = decodeThenEncode.apply(mutant);
      } catch (DecodeException expected) {
        refused++;
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " round " + round + ": " + e, e);
      }
      assertThat(again).as("seed %d round %d re-encodes the mutant", seed, round).isEqualTo(mutant);
    }
    return refused;
  }

  /** One mutant of {@code valid}: one to three random edits. */
  public static byte[] mutate(byte[] valid, RandomGenerator random) {
    byte[] out = valid.clone();
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
    return switch (random.nextInt(7)) {
      case 0 -> {
        byte[] out = in.clone();
        out[at] ^= (byte) (1 << random.nextInt(8));
        yield out;
      }
      case 1 -> {
        byte[] out = in.clone();
        out[at] = (byte) random.nextInt(256);
        yield out;
      }
      case 2 -> Arrays.copyOf(in, at);
      case 3 -> {
        byte[] out = new byte[in.length + 1];
        System.arraycopy(in, 0, out, 0, at);
        out[at] = (byte) random.nextInt(256);
        System.arraycopy(in, at, out, at + 1, in.length - at);
        yield out;
      }
      case 4 -> {
        byte[] out = new byte[in.length - 1];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + 1, out, at, in.length - at - 1);
        yield out;
      }
      case 5 -> {
        byte[] out = in.clone();
        out[at] = (byte) (random.nextBoolean() ? 0x00 : 0xff);
        yield out;
      }
      default -> {
        byte[] out = Arrays.copyOf(in, in.length + 1 + random.nextInt(4));
        for (int i = in.length; i < out.length; i++) {
          out[i] = (byte) random.nextInt(256);
        }
        yield out;
      }
    };
  }
}
