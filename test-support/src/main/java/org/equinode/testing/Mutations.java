package org.equinode.testing;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.equinode.common.DecodeException;

/**
 * Seeded random edits of a valid encoding, for the mutated-bytes test every parser gets: flipped
 * bits, replaced, inserted, deleted or appended bytes, truncation and duplicated runs, one to three
 * edits a mutant.
 *
 * <p>A text format's parser is reached deeper when inserted bytes are its own structural characters
 * (for bencode {@code "ile:0123456789-d"}): {@link #mutate(byte[], RandomGenerator, String)} draws
 * half of the inserted and replaced bytes from such an alphabet.
 */
public final class Mutations {
  private Mutations() {}

  /**
   * Runs {@code rounds} mutants of {@code valid} through {@code decodeThenEncode}: each must decode
   * to a value that re-encodes to exactly the mutant, or be refused with a {@link DecodeException}.
   *
   * @return how many mutants were refused, so a test can check that the decoder refused something
   * @throws AssertionError naming the seed and round, for any other outcome
   */
  public static int check(
      byte[] valid, UnaryOperator<byte[]> decodeThenEncode, long seed, int rounds) {
    return check(valid, decodeThenEncode, DecodeException.class, seed, rounds);
  }

  /**
   * Like {@link #check(byte[], UnaryOperator, long, int)}, with the decoder's own refusal type.
   *
   * @return how many mutants were refused with {@code refusal}
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
      if (!Arrays.equals(again, mutant)) {
        throw new AssertionError(
            "seed " + seed + " round " + round + ": the decoded mutant re-encodes differently");
      }
    }
    return refused;
  }

  /** One mutant of {@code valid}: one to three random edits. */
  public static byte[] mutate(byte[] valid, RandomGenerator random) {
    return mutate(valid, random, "");
  }

  /**
   * One mutant of {@code valid}, half of whose inserted and replaced bytes come from {@code
   * structural} (ASCII) when it is not empty.
   */
  public static byte[] mutate(byte[] valid, RandomGenerator random, String structural) {
    byte[] out = valid.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      out = edit(out, random, structural);
    }
    return out;
  }

  private static byte[] edit(byte[] in, RandomGenerator random, String structural) {
    if (in.length == 0) {
      return new byte[] {pick(random, structural)};
    }
    int at = random.nextInt(in.length);
    return switch (random.nextInt(8)) {
      case 0 -> {
        byte[] out = in.clone();
        out[at] ^= (byte) (1 << random.nextInt(8));
        yield out;
      }
      case 1 -> {
        byte[] out = in.clone();
        out[at] = pick(random, structural);
        yield out;
      }
      case 2 -> Arrays.copyOf(in, at);
      case 3 -> {
        byte[] out = new byte[in.length + 1];
        System.arraycopy(in, 0, out, 0, at);
        out[at] = pick(random, structural);
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
      case 6 -> {
        int length = 1 + random.nextInt(in.length - at);
        byte[] out = new byte[in.length + length];
        System.arraycopy(in, 0, out, 0, at + length);
        System.arraycopy(in, at, out, at + length, in.length - at);
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

  private static byte pick(RandomGenerator random, String structural) {
    if (!structural.isEmpty() && random.nextBoolean()) {
      return (byte) structural.charAt(random.nextInt(structural.length()));
    }
    return (byte) random.nextInt(256);
  }
}
