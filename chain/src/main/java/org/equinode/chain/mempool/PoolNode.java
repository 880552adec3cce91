package org.equinode.chain.mempool;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A mempool transaction in the graph of unconfirmed spends: its parents and children in the pool,
 * and the totals over its descendants that the eviction order reads. Mutable, owned by {@link
 * PoolGraph}, which keeps the totals exact and re-sorts the node whenever they change. Identity
 * equality: two nodes are never the same transaction.
 */
final class PoolNode {
  /** Lowest descendant score first; among equal scores the later arrival first. */
  static final Comparator<PoolNode> EVICTION_ORDER = PoolNode::compareScore;

  /** Earliest arrival first. */
  static final Comparator<PoolNode> TIME_ORDER =
      Comparator.<PoolNode>comparingLong(node -> node.entry.time())
          .thenComparingLong(node -> node.seq);

  final MempoolEntry entry;
  final long seq;
  final Set<PoolNode> parents = new LinkedHashSet<>();
  final Set<PoolNode> children = new LinkedHashSet<>();
  long descendantCount;
  long descendantSize;
  long descendantFees;

  PoolNode(MempoolEntry entry, long seq) {
    this.entry = entry;
    this.seq = seq;
  }

  long fee() {
    return entry.fee().units();
  }

  long size() {
    return entry.size();
  }

  /** Fees of this node and all its descendants. */
  long packageFees() {
    return fee() + descendantFees;
  }

  /** Sizes of this node and all its descendants. */
  long packageSize() {
    return size() + descendantSize;
  }

  /**
   * True when the package with the descendants pays a higher rate than the node alone: then the
   * descendants' fees protect it from eviction (a child paying for its parent).
   */
  private boolean packageScores() {
    return FeeRate.compare(packageFees(), packageSize(), fee(), size()) > 0;
  }

  long scoreFee() {
    return packageScores() ? packageFees() : fee();
  }

  long scoreSize() {
    return packageScores() ? packageSize() : size();
  }

  /** The descendant score as a rate, rounded down: what the rolling minimum rises above. */
  FeeRate score() {
    return new FeeRate(
        Math.min(FeeRate.MAX_UNITS_PER_KB, scoreFee() * FeeRate.BYTES_PER_KB / scoreSize()));
  }

  private static int compareScore(PoolNode a, PoolNode b) {
    int byScore = FeeRate.compare(a.scoreFee(), a.scoreSize(), b.scoreFee(), b.scoreSize());
    return byScore != 0 ? byScore : Long.compare(b.seq, a.seq);
  }

  @Override
  public String toString() {
    return "PoolNode[" + entry.txId() + " #" + seq + "]";
  }
}
