package org.equinode.torrent.bencode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/** Random bencode trees for round-trip tests. */
final class RandomBValues {
  private RandomBValues() {}

  static BValue value(RandomGenerator random, int depthLeft) {
    int kind = random.nextInt(depthLeft > 0 ? 4 : 2);
    return switch (kind) {
      case 0 -> integer(random);
      case 1 -> bytes(random);
      case 2 -> {
        List<BValue> values = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          values.add(value(random, depthLeft - 1));
        }
        yield new BList(values);
      }
      default -> {
        TreeMap<BBytes, BValue> entries = new TreeMap<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          entries.put(bytes(random), value(random, depthLeft - 1));
        }
        yield new BDict(entries);
      }
    };
  }

  private static BInteger integer(RandomGenerator random) {
    return switch (random.nextInt(4)) {
      case 0 -> BInteger.of(0);
      case 1 -> BInteger.of(random.nextInt(-1000, 1000));
      case 2 -> BInteger.of(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
      default -> BInteger.of(random.nextLong());
    };
  }

  private static BBytes bytes(RandomGenerator random) {
    byte[] b = new byte[random.nextInt(12)];
    random.nextBytes(b);
    return BBytes.of(b);
  }
}
