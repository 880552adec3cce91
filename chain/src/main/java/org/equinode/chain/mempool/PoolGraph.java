package org.equinode.chain.mempool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.equinode.chain.TxId;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;

/**
 * The mempool's transactions and how they spend each other: nodes by txid (in arrival order, so
 * parents before children), the spender of every outpoint, the eviction order by descendant score
 * and the order of arrival times. Not thread-safe: {@link Mempool} holds its lock around every
 * call.
 */
final class PoolGraph {
  private final Map<TxId, PoolNode> nodes = new LinkedHashMap<>();
  private final Map<OutPoint, PoolNode> spenders = new LinkedHashMap<>();
  private final TreeSet<PoolNode> byScore = new TreeSet<>(PoolNode.EVICTION_ORDER);
  private final TreeSet<PoolNode> byTime = new TreeSet<>(PoolNode.TIME_ORDER);
  private long bytes;
  private long fees;
  private long nextSeq;

  Optional<PoolNode> node(TxId txId) {
    return Optional.ofNullable(nodes.get(txId));
  }

  /** The mempool transaction that spends {@code outPoint}, if any. */
  Optional<PoolNode> spender(OutPoint outPoint) {
    return Optional.ofNullable(spenders.get(outPoint));
  }

  int size() {
    return nodes.size();
  }

  long bytes() {
    return bytes;
  }

  long fees() {
    return fees;
  }

  /** Every node in arrival order: a parent always comes before its children. */
  List<PoolNode> inArrivalOrder() {
    return List.copyOf(nodes.values());
  }

  Optional<PoolNode> lowestScore() {
    return byScore.isEmpty() ? Optional.empty() : Optional.of(byScore.first());
  }

  Optional<PoolNode> oldest() {
    return byTime.isEmpty() ? Optional.empty() : Optional.of(byTime.first());
  }

  /**
   * Adds {@code entry}, whose inputs the caller checked: none is spent by a node, and every parent
   * in the pool is linked. No node may already spend its outputs (true in arrival order).
   */
  PoolNode insert(MempoolEntry entry) {
    Tx tx = entry.tx();
    PoolNode node = new PoolNode(entry, nextSeq++);
    for (OutPoint input : tx.body().inputs()) {
      PoolNode parent = nodes.get(input.txId());
      if (parent != null) {
        node.parents.add(parent);
      }
      PoolNode previous = spenders.put(input, node);
      if (previous != null) {
        throw new MempoolException(
            "mempool bug: " + input + " is spent by " + previous + " and " + node);
      }
    }
    for (PoolNode ancestor : ancestors(node)) {
      byScore.remove(ancestor);
      ancestor.descendantCount++;
      ancestor.descendantSize += node.size();
      ancestor.descendantFees += node.fee();
      byScore.add(ancestor);
    }
    node.parents.forEach(parent -> parent.children.add(node));
    nodes.put(entry.txId(), node);
    byScore.add(node);
    byTime.add(node);
    bytes += node.size();
    fees += node.fee();
    return node;
  }

  /**
   * Removes {@code removed}, any set of nodes: a child left behind loses its link to a removed
   * parent, and every remaining ancestor's descendant totals are counted again.
   *
   * @return the removed nodes' entries in arrival order
   */
  List<MempoolEntry> remove(Collection<PoolNode> removed) {
    Set<PoolNode> gone = new LinkedHashSet<>(removed);
    Set<PoolNode> affected = new LinkedHashSet<>();
    for (PoolNode node : gone) {
      for (PoolNode ancestor : ancestors(node)) {
        if (!gone.contains(ancestor)) {
          affected.add(ancestor);
        }
      }
    }
    affected.forEach(byScore::remove);
    for (PoolNode node : gone) {
      node.parents.forEach(parent -> parent.children.remove(node));
      node.children.forEach(child -> child.parents.remove(node));
      nodes.remove(node.entry.txId());
      for (OutPoint input : node.entry.tx().body().inputs()) {
        spenders.remove(input, node);
      }
      byScore.remove(node);
      byTime.remove(node);
      bytes -= node.size();
      fees -= node.fee();
    }
    for (PoolNode ancestor : affected) {
      recount(ancestor);
      byScore.add(ancestor);
    }
    List<PoolNode> ordered = new ArrayList<>(gone);
    ordered.sort(Comparator.comparingLong(node -> node.seq));
    return ordered.stream().map(node -> node.entry).toList();
  }

  private void recount(PoolNode node) {
    node.descendantCount = 0;
    node.descendantSize = 0;
    node.descendantFees = 0;
    for (PoolNode descendant : descendants(node)) {
      node.descendantCount++;
      node.descendantSize += descendant.size();
      node.descendantFees += descendant.fee();
    }
  }

  /** The node's ancestors in the pool, itself excluded. */
  static Set<PoolNode> ancestors(PoolNode node) {
    return closure(node.parents, true);
  }

  /** The node's descendants in the pool, itself excluded. */
  static Set<PoolNode> descendants(PoolNode node) {
    return closure(node.children, false);
  }

  /** {@code roots} and all their descendants. */
  static Set<PoolNode> withDescendants(Collection<PoolNode> roots) {
    Set<PoolNode> out = new LinkedHashSet<>(roots);
    out.addAll(closure(roots, false));
    return out;
  }

  private static Set<PoolNode> closure(Collection<PoolNode> start, boolean up) {
    Set<PoolNode> seen = new LinkedHashSet<>();
    Deque<PoolNode> todo = new ArrayDeque<>(start);
    while (!todo.isEmpty()) {
      PoolNode next = todo.poll();
      if (seen.add(next)) {
        todo.addAll(up ? next.parents : next.children);
      }
    }
    return seen;
  }
}
