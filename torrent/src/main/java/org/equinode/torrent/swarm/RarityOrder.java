package org.equinode.torrent.swarm;

import java.util.Arrays;

/**
 * Piece availability, and a subset of the pieces kept ordered by it: the subset sits at the front
 * of one array, grouped in buckets of equal availability, rarest first (libtorrent's piece picker
 * keeps its pieces the same way). A change of availability by one moves a piece across one bucket
 * boundary with a single swap; adding or removing a piece costs one swap per bucket above it.
 * Within a bucket the order is arbitrary: it starts shuffled and follows the swaps.
 */
final class RarityOrder {
  private final int[] availability;
  private final int[] order;
  private final int[] position;
  private int size;

  /** {@code bucketStart[a]}: where bucket {@code a} starts; it ends where the next one starts. */
  private int[] bucketStart = new int[2];

  RarityOrder(int pieceCount) {
    availability = new int[pieceCount];
    order = new int[pieceCount];
    position = new int[pieceCount];
    Arrays.fill(position, -1);
  }

  int availability(int piece) {
    return availability[piece];
  }

  boolean contains(int piece) {
    return position[piece] >= 0;
  }

  /** How many pieces are in the subset. */
  int size() {
    return size;
  }

  /** The piece at {@code index} of the order, {@code 0 <= index < size()}. */
  int pieceAt(int index) {
    return order[index];
  }

  /** The number of buckets; some may be empty. */
  int bucketCount() {
    return bucketStart.length;
  }

  int bucketStart(int bucket) {
    return bucketStart[bucket];
  }

  int bucketEnd(int bucket) {
    return bucket + 1 < bucketStart.length ? bucketStart[bucket + 1] : size;
  }

  /** Adds {@code piece} to the subset, at the end of its bucket. */
  void add(int piece) {
    if (contains(piece)) {
      throw new IllegalStateException("piece " + piece + " is already ordered");
    }
    int bucket = availability[piece];
    ensureBucket(bucket);
    int at = size++;
    place(piece, at);
    for (int b = bucketStart.length - 1; b > bucket; b--) {
      int first = bucketStart[b];
      swap(at, first);
      bucketStart[b] = first + 1;
      at = first;
    }
  }

  /** Removes {@code piece} from the subset. */
  void remove(int piece) {
    if (!contains(piece)) {
      throw new IllegalStateException("piece " + piece + " is not ordered");
    }
    int at = position[piece];
    for (int b = availability[piece] + 1; b < bucketStart.length; b++) {
      int lastBelow = bucketStart[b] - 1;
      swap(at, lastBelow);
      bucketStart[b] = lastBelow;
      at = lastBelow;
    }
    swap(at, size - 1);
    size--;
    position[piece] = -1;
  }

  /** One more peer has {@code piece}. */
  void increment(int piece) {
    int bucket = availability[piece]++;
    if (contains(piece)) {
      ensureBucket(bucket + 1);
      int last = bucketStart[bucket + 1] - 1;
      swap(position[piece], last);
      bucketStart[bucket + 1] = last;
    }
  }

  /** One peer fewer has {@code piece}. */
  void decrement(int piece) {
    if (availability[piece] == 0) {
      throw new IllegalStateException("piece " + piece + " has no availability to lose");
    }
    int bucket = --availability[piece];
    if (contains(piece)) {
      int first = bucketStart[bucket + 1];
      swap(position[piece], first);
      bucketStart[bucket + 1] = first + 1;
    }
  }

  private void ensureBucket(int bucket) {
    if (bucket >= bucketStart.length) {
      int old = bucketStart.length;
      bucketStart = Arrays.copyOf(bucketStart, Math.max(bucket + 1, 2 * old));
      Arrays.fill(bucketStart, old, bucketStart.length, size);
    }
  }

  private void place(int piece, int at) {
    order[at] = piece;
    position[piece] = at;
  }

  private void swap(int i, int j) {
    int a = order[i];
    int b = order[j];
    place(b, i);
    place(a, j);
  }
}
