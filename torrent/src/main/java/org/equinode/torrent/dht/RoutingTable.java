package org.equinode.torrent.dht;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The nodes we know, in k-buckets (BEP 5): each bucket covers a range of the id space and holds at
 * most {@link #K} nodes; only the bucket our own id falls in is split when full, so there are at
 * most {@link #MAX_BUCKETS}. A node is good while it answered within {@link #QUESTIONABLE_AFTER},
 * questionable after, and bad once {@link #MAX_FAILURES} queries in a row went unanswered. A full
 * bucket takes a new node in place of a bad one; if it has none but a questionable one, the caller
 * is told to ping it first ({@link Insertion.PingFirst}) and the newcomer waits as the bucket's one
 * replacement. Not thread-safe: the owning {@link DhtNode} guards it.
 */
public final class RoutingTable {
  /** Nodes per bucket, and the nodes a lookup ends with. */
  public static final int K = 8;

  /** Buckets at most: one per bit of the id, the last one for our own id's neighbours. */
  public static final int MAX_BUCKETS = NodeId.BITS;

  /** Time without an answer after which a good node becomes questionable. */
  public static final Duration QUESTIONABLE_AFTER = Duration.ofMinutes(15);

  /** Unanswered queries in a row that make a node bad. */
  public static final int MAX_FAILURES = 2;

  /** What {@link #insert} did. */
  public sealed interface Insertion {
    /** The node is in the table now. */
    record Added() implements Insertion {}

    /** The node was already there; its last-seen time was updated. */
    record Refreshed() implements Insertion {}

    /** Its bucket is full of good nodes: it was dropped. */
    record Dropped() implements Insertion {}

    /** Its bucket is full: ping {@code questionable}; if it fails, the newcomer takes its place. */
    record PingFirst(NodeInfo questionable) implements Insertion {}
  }

  /** A node in a bucket, with what we know of its liveness. */
  private static final class Entry {
    NodeInfo node;
    long lastSeen;
    int failures;

    Entry(NodeInfo node, long lastSeen) {
      this.node = node;
      this.lastSeen = lastSeen;
    }
  }

  /** A bucket: nodes sharing {@code depth} leading bits with our id (the last: at least). */
  private static final class Bucket {
    final List<Entry> entries = new ArrayList<>(K);
    Optional<NodeInfo> replacement = Optional.empty();
  }

  private final NodeId own;
  private final List<Bucket> buckets = new ArrayList<>();

  public RoutingTable(NodeId own) {
    this.own = own;
    buckets.add(new Bucket());
  }

  public NodeId own() {
    return own;
  }

  /** Nodes in the table. */
  public int size() {
    int n = 0;
    for (Bucket b : buckets) {
      n += b.entries.size();
    }
    return n;
  }

  /** Buckets now. */
  public int bucketCount() {
    return buckets.size();
  }

  /**
   * Adds a node we heard from at {@code now} (nanoseconds of the session clock); {@code answered}
   * says it replied to us (a query from it only refreshes a node already known as good).
   */
  public Insertion insert(NodeInfo node, long now) {
    if (node.id().equals(own) || !node.reachable()) {
      return new Insertion.Dropped();
    }
    while (true) {
      Bucket bucket = bucketFor(node.id());
      for (Entry e : bucket.entries) {
        if (e.node.id().equals(node.id())) {
          e.node = node;
          e.lastSeen = now;
          e.failures = 0;
          return new Insertion.Refreshed();
        }
      }
      if (bucket.entries.size() < K) {
        bucket.entries.add(new Entry(node, now));
        return new Insertion.Added();
      }
      if (bucket == last() && buckets.size() < MAX_BUCKETS) {
        split();
        continue;
      }
      for (int i = 0; i < bucket.entries.size(); i++) {
        if (bucket.entries.get(i).failures >= MAX_FAILURES) {
          bucket.entries.set(i, new Entry(node, now));
          return new Insertion.Added();
        }
      }
      Optional<Entry> stale =
          bucket.entries.stream()
              .filter(e -> isQuestionable(e, now))
              .min(Comparator.comparingLong(e -> e.lastSeen));
      if (stale.isPresent()) {
        bucket.replacement = Optional.of(node);
        return new Insertion.PingFirst(stale.get().node);
      }
      return new Insertion.Dropped();
    }
  }

  /** A query to {@code id} went unanswered; a bad node gives way to its bucket's replacement. */
  public void failed(NodeId id, long now) {
    Bucket bucket = bucketFor(id);
    for (int i = 0; i < bucket.entries.size(); i++) {
      Entry e = bucket.entries.get(i);
      if (e.node.id().equals(id)) {
        e.failures++;
        if (e.failures >= MAX_FAILURES && bucket.replacement.isPresent()) {
          bucket.entries.set(i, new Entry(bucket.replacement.get(), now));
          bucket.replacement = Optional.empty();
        }
        return;
      }
    }
  }

  /** Whether {@code id} is in the table. */
  public boolean contains(NodeId id) {
    return bucketFor(id).entries.stream().anyMatch(e -> e.node.id().equals(id));
  }

  /** The {@code n} known nodes closest to {@code target}, bad ones left out, closest first. */
  public List<NodeInfo> closest(NodeId target, int n) {
    List<NodeInfo> all = new ArrayList<>();
    for (Bucket b : buckets) {
      for (Entry e : b.entries) {
        if (e.failures < MAX_FAILURES) {
          all.add(e.node);
        }
      }
    }
    all.sort((a, b) -> target.compareDistance(a.id(), b.id()));
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }

  /** The questionable nodes at {@code now}, to ping so the table stays fresh. */
  public List<NodeInfo> questionable(long now) {
    List<NodeInfo> out = new ArrayList<>();
    for (Bucket b : buckets) {
      for (Entry e : b.entries) {
        if (isQuestionable(e, now)) {
          out.add(e.node);
        }
      }
    }
    return out;
  }

  private static boolean isQuestionable(Entry e, long now) {
    return e.failures > 0 || now - e.lastSeen > QUESTIONABLE_AFTER.toNanos();
  }

  private Bucket bucketFor(NodeId id) {
    return buckets.get(Math.min(own.commonPrefix(id), buckets.size() - 1));
  }

  private Bucket last() {
    return buckets.get(buckets.size() - 1);
  }

  /** Splits the last bucket: nodes sharing one more bit with our id move to a new last bucket. */
  private void split() {
    Bucket old = last();
    int depth = buckets.size() - 1;
    Bucket deeper = new Bucket();
    old.entries.removeIf(
        e -> {
          if (own.commonPrefix(e.node.id()) > depth) {
            deeper.entries.add(e);
            return true;
          }
          return false;
        });
    buckets.add(deeper);
  }
}
