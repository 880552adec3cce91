package org.equinode.chain.mempool;

import java.util.Optional;
import org.equinode.chain.consensus.CheckedTx;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.consensus.TxRules;
import org.equinode.chain.consensus.Verdict;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.Tx;

/**
 * Puts transactions back into a fresh graph after a block was disconnected: first the block's own
 * (checked in full, as they were checked for a higher block), then the mempool's previous ones in
 * arrival order. A previous entry is not checked in full again: its witnesses verified against the
 * same coins (an outpoint names one output for ever), so only what depends on the height can have
 * changed — finality, coinbase maturity and {@code OLDER} (whose age shrinks; a transaction whose
 * revealed locks contain one is checked in full). {@code AFTER} needs no new check: it requires the
 * lock time to reach its height, and finality the height to reach the lock time. Fee floors and the
 * cap do not apply while re-adding; the caller trims afterwards. Not thread-safe: {@link Mempool}
 * holds its lock.
 */
final class Readmission {
  private final AdmissionCheck check;
  private final PoolGraph graph;
  private final ChainParams params;
  private final SignatureChecker checker;
  private final long now;

  Readmission(
      PoolGraph graph,
      MempoolChainView chain,
      MempoolConfig config,
      SignatureChecker checker,
      long now) {
    this.check = new AdmissionCheck(graph, txId -> false, chain, config, FeeRate.ZERO);
    this.graph = graph;
    this.params = chain.params();
    this.checker = checker;
    this.now = now;
  }

  /** A transaction of the disconnected block, checked in full: its entry if it is back. */
  Optional<MempoolEntry> readmit(Tx tx) {
    if (!(check.prepare(tx) instanceof AdmissionCheck.Ready ready)
        || !ready.plan().replaced().isEmpty()) {
      return Optional.empty();
    }
    AdmissionCheck.Plan plan = ready.plan();
    Verdict<CheckedTx> verdict =
        TxRules.checkContextual(tx, plan.view(), plan.height(), params, checker);
    if (!(verdict instanceof Verdict.Accept<CheckedTx> accept)) {
      return Optional.empty();
    }
    CheckedTx checked = accept.result();
    MempoolEntry entry =
        new MempoolEntry(tx, checked.fee(), checked.sigChecks(), now, plan.height());
    graph.insert(entry);
    return Optional.of(entry);
  }

  /** A previous mempool entry: true when it is back (unchanged). */
  boolean recheck(MempoolEntry entry) {
    Tx tx = entry.tx();
    if (!(check.prepare(tx) instanceof AdmissionCheck.Ready ready)
        || !ready.plan().replaced().isEmpty()) {
      return false;
    }
    AdmissionCheck.Plan plan = ready.plan();
    boolean valid =
        hasOlder(tx)
            ? TxRules.checkContextual(tx, plan.view(), plan.height(), params, checker).isAccepted()
            : heightRulesHold(tx, plan);
    if (valid) {
      graph.insert(entry);
    }
    return valid;
  }

  private boolean heightRulesHold(Tx tx, AdmissionCheck.Plan plan) {
    if (tx.body().lockTime() > plan.height()) {
      return false;
    }
    for (Coin coin : plan.coins().values()) {
      if (coin.coinbase() && plan.height() - coin.height() < params.coinbaseMaturity()) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasOlder(Tx tx) {
    for (InputWitness witness : tx.witnesses()) {
      if (witness instanceof InputWitness.Spend spend && hasOlder(spend.lock())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasOlder(Lock lock) {
    return switch (lock) {
      case Lock.Older older -> true;
      case Lock.And and -> and.children().stream().anyMatch(Readmission::hasOlder);
      case Lock.Or or -> or.children().stream().anyMatch(Readmission::hasOlder);
      case Lock.Thresh thresh -> thresh.children().stream().anyMatch(Readmission::hasOlder);
      case Lock.Sig sig -> false;
      case Lock.Multi multi -> false;
      case Lock.HashLock hash -> false;
      case Lock.After after -> false;
    };
  }
}
