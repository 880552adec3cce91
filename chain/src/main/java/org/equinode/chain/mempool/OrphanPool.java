package org.equinode.chain.mempool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.equinode.chain.TxId;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;

/**
 * Transactions whose parents are unknown, kept until a parent arrives, they expire, or room is
 * needed. At most {@code maxOrphans} of them, each at most {@link Tx#MAX_TX_SIZE} bytes (the
 * decoder's own limit), so the pool's memory is bounded. When full, a random orphan makes room, so
 * that whoever floods the pool cannot choose which honest orphan goes. Not thread-safe: {@link
 * Mempool} holds its lock around every call.
 */
final class OrphanPool {
  private record Orphan(Tx tx, long time, Set<TxId> missingParents) {}

  private final int maxOrphans;
  private final long expirySeconds;
  private final RandomGenerator random;
  private final Map<TxId, Orphan> orphans = new LinkedHashMap<>();
  private final List<TxId> ids = new ArrayList<>();
  private final Map<TxId, Integer> positions = new HashMap<>();
  private final Map<TxId, Set<TxId>> byParent = new HashMap<>();

  OrphanPool(int maxOrphans, long expirySeconds, RandomGenerator random) {
    this.maxOrphans = maxOrphans;
    this.expirySeconds = expirySeconds;
    this.random = random;
  }

  int size() {
    return orphans.size();
  }

  boolean contains(TxId txId) {
    return orphans.containsKey(txId);
  }

  /**
   * Holds {@code tx} until one of {@code missingParents} arrives; evicts a random orphan if full.
   *
   * @return whether it is held (false when already held, or when the pool holds none at all)
   */
  boolean add(Tx tx, Collection<TxId> missingParents, long now) {
    TxId txId = tx.txId();
    if (maxOrphans == 0 || orphans.containsKey(txId)) {
      return false;
    }
    expire(now);
    while (orphans.size() >= maxOrphans) {
      remove(ids.get(random.nextInt(ids.size())));
    }
    Orphan orphan = new Orphan(tx, now, new LinkedHashSet<>(missingParents));
    orphans.put(txId, orphan);
    positions.put(txId, ids.size());
    ids.add(txId);
    for (TxId parent : orphan.missingParents()) {
      byParent.computeIfAbsent(parent, key -> new LinkedHashSet<>()).add(txId);
    }
    return true;
  }

  /** Takes out the orphans that wait for {@code parent}, in the order they came. */
  List<Tx> takeChildrenOf(TxId parent) {
    Set<TxId> waiting = byParent.get(parent);
    if (waiting == null) {
      return List.of();
    }
    List<Tx> children = new ArrayList<>();
    for (TxId child : List.copyOf(waiting)) {
      Orphan orphan = orphans.get(child);
      if (orphan != null) {
        children.add(orphan.tx());
        remove(child);
      }
    }
    return children;
  }

  /** Drops the orphans that spend any of {@code spent} (a block spent them): they never can. */
  void removeSpending(Set<OutPoint> spent) {
    List<TxId> doomed = new ArrayList<>();
    for (Orphan orphan : orphans.values()) {
      if (orphan.tx().body().inputs().stream().anyMatch(spent::contains)) {
        doomed.add(orphan.tx().txId());
      }
    }
    doomed.forEach(this::remove);
  }

  /** Drops the orphans that waited {@code expirySeconds} or longer. */
  void expire(long now) {
    List<TxId> doomed = new ArrayList<>();
    for (Orphan orphan : orphans.values()) {
      if (now - orphan.time() >= expirySeconds) {
        doomed.add(orphan.tx().txId());
      }
    }
    doomed.forEach(this::remove);
  }

  private void remove(TxId txId) {
    Orphan orphan = orphans.remove(txId);
    if (orphan == null) {
      return;
    }
    Integer position = positions.remove(txId);
    if (position == null) {
      throw new MempoolException("orphan pool bug: " + txId + " has no position");
    }
    TxId last = ids.remove(ids.size() - 1);
    if (!last.equals(txId)) {
      ids.set(position, last);
      positions.put(last, position);
    }
    for (TxId parent : orphan.missingParents()) {
      Set<TxId> waiting = byParent.get(parent);
      if (waiting != null) {
        waiting.remove(txId);
        if (waiting.isEmpty()) {
          byParent.remove(parent);
        }
      }
    }
  }
}
