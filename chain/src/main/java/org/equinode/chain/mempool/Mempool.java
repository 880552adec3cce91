package org.equinode.chain.mempool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.equinode.chain.Amount;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.CheckedTx;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.consensus.TxRules;
import org.equinode.chain.consensus.Verdict;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.common.TimeSource;

/**
 * The pool of unconfirmed transactions, kept valid for the block after the chain's tip. The policy
 * (fee rates, the cap and eviction, replace-by-fee, orphans, expiry, reorganisations) is specified
 * in {@code chain/README.md}, "Mempool".
 *
 * <p>Thread-safe. One lock guards the pool; it is never held while verifying signatures or calling
 * a listener. Accepting a transaction checks everything else under the lock, verifies its witnesses
 * without it, then takes the lock again and commits if the coins it spends are still the same (or
 * starts over). Listeners hear the changes in order after the lock is released. The chain's owner
 * calls {@link #blockConnected} and {@link #blockDisconnected} after each change of its tip, in the
 * order the changes happened.
 */
public final class Mempool {
  /** The most unconfirmed transactions in a chain: a transaction and its mempool ancestors. */
  public static final int MAX_ANCESTORS = 25;

  /** The most transactions a mempool transaction and its mempool descendants may number. */
  public static final int MAX_DESCENDANTS = 25;

  /** The most transactions (conflicts and their descendants) one replacement may evict. */
  public static final int MAX_REPLACED = 100;

  /** Times a candidate is verified outside the lock before it is checked under it throughout. */
  static final int MAX_UNLOCKED_ATTEMPTS = 3;

  private final Object lock = new Object();
  private final MempoolChainView chain;
  private final MempoolConfig config;
  private final SignatureChecker checker;
  private final TimeSource time;
  private final MempoolEvents events = new MempoolEvents();
  private final OrphanPool orphans;
  private final RollingMinimum rollingMinimum;
  private PoolGraph graph = new PoolGraph();

  /**
   * An empty mempool.
   *
   * @param checker runs the witness checks (sequential, or parallel over a pool)
   * @param time the clock for expiry and the rolling minimum
   * @param random chooses which orphan makes room when the orphan pool is full
   */
  public Mempool(
      MempoolChainView chain,
      MempoolConfig config,
      SignatureChecker checker,
      TimeSource time,
      RandomGenerator random) {
    this.chain = chain;
    this.config = config;
    this.checker = checker;
    this.time = time;
    this.orphans = new OrphanPool(config.maxOrphans(), config.orphanExpiry().toSeconds(), random);
    this.rollingMinimum =
        new RollingMinimum(
            config.rollingMinimumHalfLife().toSeconds(), config.incrementalRelayFeeRate());
  }

  public MempoolConfig config() {
    return config;
  }

  public void addListener(MempoolListener listener) {
    events.addListener(listener);
  }

  public void removeListener(MempoolListener listener) {
    events.removeListener(listener);
  }

  /**
   * Offers {@code tx} (from a peer, the wallet or RPC). An accepted transaction lets the orphans
   * waiting for it try again; an orphan is held until a parent arrives.
   */
  public MempoolVerdict accept(Tx tx) {
    try {
      MempoolVerdict verdict = submit(tx, true);
      if (verdict.isAccepted()) {
        adoptOrphans(List.of(tx.txId()));
      }
      return verdict;
    } finally {
      events.deliver();
    }
  }

  /**
   * What {@link #accept} would answer now, without changing the pool ({@code testmempoolaccept}):
   * an orphan is not held, and an eviction by the cap (answered {@code MEMPOOL_FULL}) is not
   * foreseen.
   */
  public MempoolVerdict testAccept(Tx tx) {
    try {
      return submit(tx, false);
    } finally {
      events.deliver();
    }
  }

  /**
   * {@code block} became the tip at {@code height}: its transactions leave the pool (confirmed), so
   * do the pool's transactions that spend an output the block spends (and their descendants), and
   * orphans waiting for its transactions try again.
   */
  public void blockConnected(Block block, int height) {
    List<TxId> arrived = new ArrayList<>();
    try {
      synchronized (lock) {
        Set<OutPoint> spent = new HashSet<>();
        List<MempoolEntry> confirmed = new ArrayList<>();
        for (Tx tx : block.txs()) {
          arrived.add(tx.txId());
          if (!tx.isCoinbase()) {
            spent.addAll(tx.body().inputs());
            graph.node(tx.txId()).ifPresent(node -> confirmed.addAll(graph.remove(List.of(node))));
          }
        }
        Set<PoolNode> conflicting = new LinkedHashSet<>();
        spent.forEach(outPoint -> graph.spender(outPoint).ifPresent(conflicting::add));
        List<MempoolEntry> conflicts = graph.remove(PoolGraph.withDescendants(conflicting));
        orphans.removeSpending(spent);
        events.removed(confirmed, RemovalReason.CONFIRMED);
        events.removed(conflicts, RemovalReason.CONFLICT);
        expire(now());
      }
      adoptOrphans(arrived);
    } finally {
      events.deliver();
    }
  }

  /**
   * {@code block}, the tip at {@code height}, was disconnected (the chain's tip is now its parent):
   * its transactions come back unless they are no longer valid, and the pool's transactions are
   * checked again for the lower height (see {@link Readmission}).
   */
  public void blockDisconnected(Block block, int height) {
    List<TxId> readded = new ArrayList<>();
    try {
      synchronized (lock) {
        long now = now();
        List<PoolNode> previous = graph.inArrivalOrder();
        PoolGraph fresh = new PoolGraph();
        Readmission readmission = new Readmission(fresh, chain, config, checker, now);
        List<MempoolEntry> added = new ArrayList<>();
        for (Tx tx : block.txs()) {
          if (!tx.isCoinbase()) {
            readmission.readmit(tx).ifPresent(added::add);
          }
        }
        List<MempoolEntry> dropped = new ArrayList<>();
        for (PoolNode node : previous) {
          if (!readmission.recheck(node.entry)) {
            dropped.add(node.entry);
          }
        }
        graph = fresh;
        added.forEach(events::added);
        events.removed(dropped, RemovalReason.REORG);
        events.removed(trim(now), RemovalReason.EVICTED);
        expire(now);
        added.forEach(entry -> readded.add(entry.txId()));
      }
      adoptOrphans(readded);
    } finally {
      events.deliver();
    }
  }

  /** Removes the transactions and orphans that have waited too long (also done on every change). */
  public void expire() {
    try {
      synchronized (lock) {
        expire(now());
      }
    } finally {
      events.deliver();
    }
  }

  public boolean contains(TxId txId) {
    synchronized (lock) {
      return graph.node(txId).isPresent();
    }
  }

  public Optional<MempoolEntry> entry(TxId txId) {
    synchronized (lock) {
      return graph.node(txId).map(node -> node.entry);
    }
  }

  public Optional<Tx> tx(TxId txId) {
    return entry(txId).map(MempoolEntry::tx);
  }

  /** True when the orphan pool holds {@code txId}. */
  public boolean hasOrphan(TxId txId) {
    synchronized (lock) {
      return orphans.contains(txId);
    }
  }

  /** The txids, in the order they arrived ({@code getrawmempool}). */
  public List<TxId> txIds() {
    synchronized (lock) {
      return graph.inArrivalOrder().stream().map(node -> node.entry.txId()).toList();
    }
  }

  /** Every entry in the order they arrived: a parent always before its children. */
  public List<MempoolEntry> entries() {
    synchronized (lock) {
      return graph.inArrivalOrder().stream().map(node -> node.entry).toList();
    }
  }

  /** What a new transaction must pay now: the relay floor, or the rolling minimum if higher. */
  public FeeRate minimumFeeRate() {
    synchronized (lock) {
      return minimum(now());
    }
  }

  public MempoolInfo info() {
    synchronized (lock) {
      return new MempoolInfo(
          graph.size(),
          graph.bytes(),
          Amount.ofUnits(graph.fees()),
          config.maxBytes(),
          config.minRelayFeeRate(),
          minimum(now()),
          orphans.size());
    }
  }

  private MempoolVerdict submit(Tx tx, boolean commit) {
    for (int attempt = 0; attempt < MAX_UNLOCKED_ATTEMPTS; attempt++) {
      AdmissionCheck.Plan plan;
      synchronized (lock) {
        long now = now();
        expire(now);
        switch (check(now).prepare(tx)) {
          case AdmissionCheck.Done done -> {
            return settle(done.verdict(), tx, commit, now);
          }
          case AdmissionCheck.Ready ready -> plan = ready.plan();
        }
      }
      CheckedTx checked;
      switch (TxRules.checkContextual(tx, plan.view(), plan.height(), chain.params(), checker)) {
        case Verdict.Accept<CheckedTx> accept -> checked = accept.result();
        case Verdict.Reject<CheckedTx> reject -> {
          return MempoolVerdict.Rejected.invalid(reject);
        }
      }
      synchronized (lock) {
        long now = now();
        switch (check(now).prepare(tx)) {
          case AdmissionCheck.Done done -> {
            return settle(done.verdict(), tx, commit, now);
          }
          case AdmissionCheck.Ready ready -> {
            if (ready.plan().sameInputs(plan)) {
              return finish(ready.plan(), checked, commit, now);
            }
          }
        }
      }
    }
    synchronized (lock) {
      long now = now();
      switch (check(now).prepare(tx)) {
        case AdmissionCheck.Done done -> {
          return settle(done.verdict(), tx, commit, now);
        }
        case AdmissionCheck.Ready ready -> {
          AdmissionCheck.Plan plan = ready.plan();
          return switch (TxRules.checkContextual(
              tx, plan.view(), plan.height(), chain.params(), checker)) {
            case Verdict.Accept<CheckedTx> accept -> finish(plan, accept.result(), commit, now);
            case Verdict.Reject<CheckedTx> reject -> MempoolVerdict.Rejected.invalid(reject);
          };
        }
      }
    }
  }

  private AdmissionCheck check(long now) {
    return new AdmissionCheck(graph, orphans::contains, chain, config, minimum(now));
  }

  /** An orphan is held when committing; every other early verdict stands as it is. */
  private MempoolVerdict settle(MempoolVerdict verdict, Tx tx, boolean commit, long now) {
    if (commit && verdict instanceof MempoolVerdict.Orphan orphan) {
      boolean held = orphans.add(tx, orphan.missingParents(), now);
      return new MempoolVerdict.Orphan(orphan.txId(), orphan.missingParents(), held);
    }
    return verdict;
  }

  private MempoolVerdict finish(
      AdmissionCheck.Plan plan, CheckedTx checked, boolean commit, long now) {
    MempoolEntry entry =
        new MempoolEntry(plan.tx(), checked.fee(), checked.sigChecks(), now, plan.height());
    if (!commit) {
      return new MempoolVerdict.Accepted(entry, sortedByArrival(plan.replaced()));
    }
    List<MempoolEntry> replaced = graph.remove(plan.replaced());
    graph.insert(entry);
    List<MempoolEntry> evicted = trim(now);
    boolean kept = graph.node(entry.txId()).isPresent();
    events.removed(replaced, RemovalReason.REPLACED);
    if (kept) {
      events.added(entry);
    }
    events.removed(
        evicted.stream().filter(gone -> !gone.txId().equals(entry.txId())).toList(),
        RemovalReason.EVICTED);
    if (!kept) {
      return MempoolVerdict.Rejected.of(
          MempoolReason.MEMPOOL_FULL,
          "tx "
              + entry.txId()
              + " paying "
              + entry.feeRate()
              + " was the lowest in the full"
              + " mempool");
    }
    return new MempoolVerdict.Accepted(entry, replaced);
  }

  private static List<MempoolEntry> sortedByArrival(Collection<PoolNode> nodes) {
    return nodes.stream()
        .sorted(Comparator.comparingLong(node -> node.seq))
        .map(node -> node.entry)
        .toList();
  }

  /** Evicts the lowest descendant scores (with their descendants) until the pool fits its cap. */
  private List<MempoolEntry> trim(long now) {
    List<MempoolEntry> evicted = new ArrayList<>();
    while (graph.bytes() > config.maxBytes()) {
      PoolNode lowest = graph.lowestScore().orElseThrow();
      FeeRate score = lowest.score();
      evicted.addAll(graph.remove(PoolGraph.withDescendants(List.of(lowest))));
      rollingMinimum.evicted(score, now);
    }
    return evicted;
  }

  private void expire(long now) {
    long cutoff = now - config.expiry().toSeconds();
    List<MempoolEntry> expired = new ArrayList<>();
    for (Optional<PoolNode> oldest = graph.oldest();
        oldest.isPresent() && oldest.get().entry.time() <= cutoff;
        oldest = graph.oldest()) {
      expired.addAll(graph.remove(PoolGraph.withDescendants(List.of(oldest.get()))));
    }
    events.removed(expired, RemovalReason.EXPIRED);
    orphans.expire(now);
  }

  private FeeRate minimum(long now) {
    FeeRate rolling = rollingMinimum.at(now);
    return rolling.compareTo(config.minRelayFeeRate()) > 0 ? rolling : config.minRelayFeeRate();
  }

  /** Retries the orphans waiting for {@code parents}, and for each one that gets in, its own. */
  private void adoptOrphans(Collection<TxId> parents) {
    Deque<TxId> arrived = new ArrayDeque<>(parents);
    while (!arrived.isEmpty()) {
      TxId parent = arrived.poll();
      List<Tx> children;
      synchronized (lock) {
        children = orphans.takeChildrenOf(parent);
      }
      for (Tx child : children) {
        if (submit(child, true).isAccepted()) {
          arrived.add(child.txId());
        }
      }
    }
  }

  private long now() {
    return time.epochSeconds();
  }
}
