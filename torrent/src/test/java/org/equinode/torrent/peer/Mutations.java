package org.equinode.torrent.peer;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Seeded byte mutations for decoder tests: a changed, flipped, cut, inserted or removed byte. */
public final class Mutations {
  private Mutations() {}

  /** {@code input} with one random mutation. */
  public static byte[] mutate(byte[] input, RandomGenerator random) {
    byte[] out = input.clone();
    switch (random.nextInt(5)) {
      case 0 -> {
        if (out.length > 0) {
          out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> {
        if (out.length > 0) {
          int at = random.nextInt(out.length);
          out[at] = (byte) (out[at] ^ (1 << random.nextInt(8)));
        }
      }
      case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length + 1));
      case 3 -> {
        int at = random.nextInt(out.length + 1);
        byte[] grown = new byte[out.length + 1];
        System.arraycopy(out, 0, grown, 0, at);
        grown[at] = (byte) random.nextInt(256);
        System.arraycopy(out, at, grown, at + 1, out.length - at);
        out = grown;
      }
      default -> {
        if (out.length > 0) {
          int at = random.nextInt(out.length);
          byte[] shrunk = new byte[out.length - 1];
          System.arraycopy(out, 0, shrunk, 0, at);
          System.arraycopy(out, at + 1, shrunk, at, out.length - at - 1);
          out = shrunk;
        }
      }
    }
    return out;
  }
}
