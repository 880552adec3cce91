package org.equinode.torrent.tracker;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Seeded byte mutations for parser tests: change, flip, cut, insert or duplicate a run. */
final class Mutations {
  private static final String BENCODE_BYTES = "ile:0123456789-d";

  private Mutations() {}

  static byte[] mutate(byte[] input, RandomGenerator random) {
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
        grown[at] = (byte) BENCODE_BYTES.charAt(random.nextInt(BENCODE_BYTES.length()));
        System.arraycopy(out, at, grown, at + 1, out.length - at);
        out = grown;
      }
      default -> {
        int at = random.nextInt(out.length + 1);
        int length = random.nextInt(out.length - at + 1);
        byte[] grown = new byte[out.length + length];
        System.arraycopy(out, 0, grown, 0, at + length);
        System.arraycopy(out, at, grown, at + length, out.length - at);
        out = grown;
      }
    }
    return out;
  }
}
