package org.equinode.chain.mining;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.equinode.chain.TxId;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.consensus.UtxoView;
import org.equinode.chain.mempool.FeeRate;
import org.equinode.chain.mempool.MempoolEntry;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;

/**
 * Chooses a block's transactions from mempool entries by <em>ancestor score</em>, as Bitcoin Core's
 * block assembler: each candidate is scored with its not yet chosen ancestors as one package (fees
 * over sizes), the best package goes in whole, parents first, and the packages of its descendants
 * are scored again without it. So a child paying for its parent pulls the parent in, and a child
 * never precedes its parent. A package that does not fit the size, signature or count budget is
 * skipped (a smaller one may still fit). Each transaction's inputs are looked up again, in the
 * chain or earlier in the block, and a transaction whose inputs are gone (the chain moved ahead of
 * the mempool) is left out with its descendants. Single use, one thread.
 */
final class TxSelection {
  /** What was chosen, in block order. */
  record Selected(List<MempoolEntry> entries, long fees, int size, int sigOps) {}

  private static final class Candidate {
    final MempoolEntry entry;
    final int index;
    final List<Candidate> parents = new ArrayList<>();
    final List<Candidate> children = new ArrayList<>();
    boolean included;
    boolean failed;
    int version;

    Candidate(MempoolEntry entry, int index) {
      this.entry = entry;
      this.index = index;
    }
  }

  /** A candidate with its unchosen ancestors, as scored at {@code version}. */
  private record Scored(Candidate candidate, long fees, long size, int sigOps, int version) {}

  private static final Comparator<Scored> BEST_FIRST =
      ((Comparator<Scored>) (a, b) -> FeeRate.compare(b.fees(), b.size(), a.fees(), a.size()))
          .thenComparingInt(scored -> scored.candidate().index);

  private final UtxoView chainCoins;
  private final int height;
  private final ChainParams params;
  private final long maxSize;
  private final int maxSigOps;
  private final int maxTxs;
  private final Map<OutPoint, Coin> created = new HashMap<>();
  private final Set<OutPoint> spent = new HashSet<>();
  private final List<MempoolEntry> chosen = new ArrayList<>();
  private long fees;
  private int size;
  private int sigOps;

  private TxSelection(
      UtxoView chainCoins,
      int height,
      ChainParams params,
      long maxSize,
      int maxSigOps,
      int maxTxs) {
    this.chainCoins = chainCoins;
    this.height = height;
    this.params = params;
    this.maxSize = maxSize;
    this.maxSigOps = maxSigOps;
    this.maxTxs = maxTxs;
  }

  /**
   * Chooses from {@code entries} (parents before children, as {@code Mempool.entries()} gives them)
   * for the block at {@code height} within the budgets.
   */
  static Selected select(
      List<MempoolEntry> entries,
      UtxoView chainCoins,
      int height,
      ChainParams params,
      long maxSize,
      int maxSigOps,
      int maxTxs) {
    TxSelection selection = new TxSelection(chainCoins, height, params, maxSize, maxSigOps, maxTxs);
    selection.run(entries);
    return new Selected(
        List.copyOf(selection.chosen), selection.fees, selection.size, selection.sigOps);
  }

  private void run(List<MempoolEntry> entries) {
    Map<TxId, Candidate> byId = new HashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    for (MempoolEntry entry : entries) {
      Candidate candidate = new Candidate(entry, candidates.size());
      Set<TxId> seen = new HashSet<>();
      for (OutPoint input : entry.tx().body().inputs()) {
        Candidate parent = byId.get(input.txId());
        if (parent != null && seen.add(input.txId())) {
          candidate.parents.add(parent);
          parent.children.add(candidate);
        }
      }
      byId.put(entry.txId(), candidate);
      candidates.add(candidate);
    }
    PriorityQueue<Scored> queue = new PriorityQueue<>(BEST_FIRST);
    candidates.forEach(candidate -> queue.add(score(candidate)));
    while (!queue.isEmpty()) {
      Scored best = queue.poll();
      Candidate candidate = best.candidate();
      if (candidate.included || candidate.failed || best.version() != candidate.version) {
        continue;
      }
      List<Candidate> pack = pack(candidate);
      if (size + best.size() > maxSize
          || sigOps + best.sigOps() > maxSigOps
          || chosen.size() + pack.size() > maxTxs) {
        continue;
      }
      Optional<Candidate> unavailable = include(pack);
      if (unavailable.isPresent()) {
        fail(unavailable.get());
        continue;
      }
      for (Candidate member : pack) {
        for (Candidate descendant : descendants(member)) {
          if (!descendant.included && !descendant.failed) {
            descendant.version++;
            queue.add(score(descendant));
          }
        }
      }
    }
  }

  private Scored score(Candidate candidate) {
    long packFees = 0;
    long packSize = 0;
    int packSigOps = 0;
    for (Candidate member : pack(candidate)) {
      packFees += member.entry.fee().units();
      packSize += member.entry.size();
      packSigOps += member.entry.sigOps();
    }
    return new Scored(candidate, packFees, packSize, packSigOps, candidate.version);
  }

  /** The candidate with its unchosen ancestors, parents first. */
  private static List<Candidate> pack(Candidate candidate) {
    Set<Candidate> members = new LinkedHashSet<>();
    Deque<Candidate> todo = new ArrayDeque<>(List.of(candidate));
    while (!todo.isEmpty()) {
      Candidate next = todo.poll();
      if (!next.included && members.add(next)) {
        todo.addAll(next.parents);
      }
    }
    List<Candidate> ordered = new ArrayList<>(members);
    ordered.sort(Comparator.comparingInt(member -> member.index));
    return ordered;
  }

  private static Set<Candidate> descendants(Candidate candidate) {
    Set<Candidate> out = new LinkedHashSet<>();
    Deque<Candidate> todo = new ArrayDeque<>(candidate.children);
    while (!todo.isEmpty()) {
      Candidate next = todo.poll();
      if (out.add(next)) {
        todo.addAll(next.children);
      }
    }
    return out;
  }

  /** Adds the package if every input is available; otherwise names the first member that fails. */
  private Optional<Candidate> include(List<Candidate> pack) {
    Map<OutPoint, Coin> packCreated = new HashMap<>();
    Set<OutPoint> packSpent = new HashSet<>();
    for (Candidate member : pack) {
      Tx tx = member.entry.tx();
      if (tx.body().lockTime() > height) {
        return Optional.of(member);
      }
      for (OutPoint input : tx.body().inputs()) {
        if (spent.contains(input) || !packSpent.add(input) || !available(input, packCreated)) {
          return Optional.of(member);
        }
      }
      for (int i = 0; i < tx.body().outputs().size(); i++) {
        packCreated.put(
            new OutPoint(tx.txId(), i), new Coin(tx.body().outputs().get(i), height, false));
      }
    }
    created.putAll(packCreated);
    spent.addAll(packSpent);
    for (Candidate member : pack) {
      member.included = true;
      chosen.add(member.entry);
      fees += member.entry.fee().units();
      size += member.entry.size();
      sigOps += member.entry.sigOps();
    }
    return Optional.empty();
  }

  private boolean available(OutPoint input, Map<OutPoint, Coin> packCreated) {
    if (packCreated.containsKey(input) || created.containsKey(input)) {
      return true;
    }
    Optional<Coin> coin = chainCoins.coin(input);
    return coin.isPresent()
        && coin.get().height() <= height
        && (!coin.get().coinbase() || height - coin.get().height() >= params.coinbaseMaturity());
  }

  private static void fail(Candidate candidate) {
    candidate.failed = true;
    descendants(candidate).forEach(descendant -> descendant.failed = true);
  }
}
