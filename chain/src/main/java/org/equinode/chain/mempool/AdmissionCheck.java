package org.equinode.chain.mempool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.equinode.chain.Amount;
import org.equinode.chain.TxId;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.consensus.RejectReason;
import org.equinode.chain.consensus.TxRules;
import org.equinode.chain.consensus.UtxoView;
import org.equinode.chain.consensus.Verdict;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;

/**
 * Everything the mempool checks of a candidate under its lock, which is all but the witnesses: not
 * known yet, the stateless rules, conflicts and replace-by-fee, the coins its inputs spend (from
 * the pool or the chain), the fee policy and the chain limits. The witnesses, the expensive part,
 * are checked by {@link TxRules#checkContextual} on the coins found here, without the lock.
 */
final class AdmissionCheck {
  /** How often the tip is read again when a coin turns out newer than the tip (it moved). */
  private static final int MAX_TIP_READS = 3;

  sealed interface Outcome permits Ready, Done {}

  /** Passed every check but the consensus rules: check {@code plan.view()} next. */
  record Ready(Plan plan) implements Outcome {}

  /** Decided already. */
  record Done(MempoolVerdict verdict) implements Outcome {}

  /**
   * What a candidate spends and what it would replace.
   *
   * @param height the height of the block it is checked for
   * @param coins the coin each input spends, in input order
   * @param fee its fee, or zero if it overspends (the consensus check will say so)
   * @param replaced the mempool transactions it replaces, with their descendants
   */
  record Plan(Tx tx, int height, Map<OutPoint, Coin> coins, Amount fee, List<PoolNode> replaced) {
    /** The coins as a view for {@link TxRules#checkContextual}. */
    UtxoView view() {
      return outPoint -> Optional.ofNullable(coins.get(outPoint));
    }

    /** True when {@code other} spends the same coins for the same height: the same verdict. */
    boolean sameInputs(Plan other) {
      return height == other.height && coins.equals(other.coins);
    }
  }

  /** The coins found for the inputs, or why not. */
  private sealed interface Spending permits Found, Missing, Moved, Refused {}

  private record Found(int height, Map<OutPoint, Coin> coins, Set<PoolNode> parents)
      implements Spending {}

  private record Missing(List<TxId> parents) implements Spending {}

  private record Moved() implements Spending {}

  private record Refused(Outcome outcome) implements Spending {}

  private final PoolGraph graph;
  private final Predicate<TxId> orphaned;
  private final MempoolChainView chain;
  private final MempoolConfig config;
  private final FeeRate minimum;

  /**
   * A check against the mempool's state now.
   *
   * @param orphaned whether the orphan pool holds a txid
   * @param minimum the fee rate a new transaction must pay now
   */
  AdmissionCheck(
      PoolGraph graph,
      Predicate<TxId> orphaned,
      MempoolChainView chain,
      MempoolConfig config,
      FeeRate minimum) {
    this.graph = graph;
    this.orphaned = orphaned;
    this.chain = chain;
    this.config = config;
    this.minimum = minimum;
  }

  Outcome prepare(Tx tx) {
    TxId txId = tx.txId();
    if (graph.node(txId).isPresent()) {
      return refuse(MempoolReason.ALREADY_KNOWN, "tx " + txId + " is already in the mempool");
    }
    if (orphaned.test(txId)) {
      return refuse(MempoolReason.ALREADY_KNOWN, "tx " + txId + " is already in the orphan pool");
    }
    if (tx.isCoinbase()) {
      return invalid(RejectReason.COINBASE_OUTSIDE_BLOCK, "tx " + txId + " is a coinbase");
    }
    if (TxRules.checkStateless(tx) instanceof Verdict.Reject<Tx> reject) {
      return new Done(MempoolVerdict.Rejected.invalid(reject));
    }
    Set<PoolNode> direct = new LinkedHashSet<>();
    for (OutPoint input : tx.body().inputs()) {
      graph.spender(input).ifPresent(direct::add);
    }
    Set<PoolNode> replaced = PoolGraph.withDescendants(direct);
    if (replaced.size() > Mempool.MAX_REPLACED) {
      return refuse(
          MempoolReason.CONFLICT,
          "tx "
              + txId
              + " would replace "
              + replaced.size()
              + " transactions, more than MAX_REPLACED "
              + Mempool.MAX_REPLACED);
    }
    Spending spending = new Moved();
    for (int read = 0; read < MAX_TIP_READS && spending instanceof Moved; read++) {
      spending = coins(tx, chain.tip().nextHeight(), replaced);
    }
    return switch (spending) {
      case Found found -> policy(tx, found, direct, replaced);
      case Missing missing -> new Done(new MempoolVerdict.Orphan(txId, missing.parents(), false));
      case Moved moved ->
          refuse(MempoolReason.CONFLICT, "tx " + txId + ": the chain kept moving during the check");
      case Refused refused -> refused.outcome();
    };
  }

  /** The coin of each input, from a pool transaction (not one replaced) or the chain. */
  private Spending coins(Tx tx, int height, Set<PoolNode> replaced) {
    Map<OutPoint, Coin> coins = new LinkedHashMap<>();
    Set<PoolNode> parents = new LinkedHashSet<>();
    Set<TxId> missing = new LinkedHashSet<>();
    List<OutPoint> inputs = tx.body().inputs();
    for (int i = 0; i < inputs.size(); i++) {
      OutPoint input = inputs.get(i);
      Optional<PoolNode> parent = graph.node(input.txId());
      if (parent.isPresent()) {
        PoolNode node = parent.get();
        if (replaced.contains(node)) {
          return new Refused(
              refuse(
                  MempoolReason.CONFLICT,
                  "tx "
                      + tx.txId()
                      + " input "
                      + i
                      + " spends "
                      + input
                      + ", an output of a"
                      + " transaction it would replace"));
        }
        List<TxOut> outputs = node.entry.tx().body().outputs();
        if (input.index() >= outputs.size()) {
          return new Refused(
              invalid(
                  RejectReason.MISSING_OR_SPENT_INPUTS,
                  "tx "
                      + tx.txId()
                      + " input "
                      + i
                      + " spends "
                      + input
                      + ", but tx "
                      + input.txId()
                      + " has "
                      + outputs.size()
                      + " outputs"));
        }
        coins.put(input, new Coin(outputs.get((int) input.index()), height, false));
        parents.add(node);
        continue;
      }
      Optional<Coin> coin = chain.utxos().coin(input);
      if (coin.isEmpty()) {
        missing.add(input.txId());
      } else if (coin.get().height() > height) {
        return new Moved();
      } else {
        coins.put(input, coin.get());
      }
    }
    if (!missing.isEmpty()) {
      return new Missing(new ArrayList<>(missing));
    }
    return new Found(height, coins, parents);
  }

  private Outcome policy(Tx tx, Found found, Set<PoolNode> direct, Set<PoolNode> replaced) {
    TxId txId = tx.txId();
    Amount in = Amount.ZERO;
    for (Coin coin : found.coins().values()) {
      Optional<Amount> sum = in.tryAdd(coin.output().amount());
      if (sum.isEmpty()) {
        return ready(tx, found, Amount.ZERO, replaced); // the consensus check rejects it
      }
      in = sum.get();
    }
    Optional<Amount> paid = in.trySubtract(tx.body().outputTotal());
    if (paid.isEmpty()) {
      return ready(tx, found, Amount.ZERO, replaced); // the consensus check rejects it
    }
    Amount fee = paid.get();
    int size = tx.size();
    if (!minimum.isPaidBy(fee, size)) {
      return refuse(
          MempoolReason.INSUFFICIENT_FEE,
          "tx " + txId + " pays " + FeeRate.of(fee, size) + ", below the minimum " + minimum);
    }
    Optional<Outcome> replacement = replacement(tx, fee, direct, replaced);
    if (replacement.isPresent()) {
      return replacement.get();
    }
    Set<PoolNode> ancestors = new LinkedHashSet<>(found.parents());
    found.parents().forEach(parent -> ancestors.addAll(PoolGraph.ancestors(parent)));
    if (ancestors.size() + 1 > Mempool.MAX_ANCESTORS) {
      return refuse(
          MempoolReason.TOO_LONG_CHAIN,
          "tx "
              + txId
              + " would have "
              + ancestors.size()
              + " unconfirmed ancestors; with itself"
              + " at most MAX_ANCESTORS "
              + Mempool.MAX_ANCESTORS);
    }
    for (PoolNode ancestor : ancestors) {
      if (ancestor.descendantCount + 2 > Mempool.MAX_DESCENDANTS) {
        return refuse(
            MempoolReason.TOO_LONG_CHAIN,
            "tx "
                + txId
                + " would give "
                + ancestor.entry.txId()
                + " more than MAX_DESCENDANTS "
                + Mempool.MAX_DESCENDANTS
                + " with itself");
      }
    }
    return ready(tx, found, fee, replaced);
  }

  /** The replace-by-fee rules of chain/README.md; empty when they pass (or nothing conflicts). */
  private Optional<Outcome> replacement(
      Tx tx, Amount fee, Set<PoolNode> direct, Set<PoolNode> replaced) {
    int size = tx.size();
    for (PoolNode conflict : direct) {
      if (FeeRate.compare(fee.units(), size, conflict.fee(), conflict.size()) <= 0) {
        return Optional.of(
            refuse(
                MempoolReason.RBF_INSUFFICIENT_FEE,
                "tx "
                    + tx.txId()
                    + " pays "
                    + FeeRate.of(fee, size)
                    + ", not above the "
                    + conflict.entry.feeRate()
                    + " of "
                    + conflict.entry.txId()
                    + ", which it would replace"));
      }
    }
    if (replaced.isEmpty()) {
      return Optional.empty();
    }
    long replacedFees = 0;
    for (PoolNode node : replaced) {
      replacedFees += node.fee();
    }
    long required = replacedFees + config.incrementalRelayFeeRate().feeFor(size).units();
    if (fee.units() < required) {
      return Optional.of(
          refuse(
              MempoolReason.RBF_INSUFFICIENT_FEE,
              "tx "
                  + tx.txId()
                  + " pays a fee of "
                  + fee
                  + ", below the "
                  + Amount.ofUnits(Math.min(required, Amount.MAX_MONEY))
                  + " it needs to replace "
                  + replaced.size()
                  + " transactions ("
                  + Amount.ofUnits(Math.min(replacedFees, Amount.MAX_MONEY))
                  + " in fees) and pay for its own "
                  + size
                  + " bytes"));
    }
    return Optional.empty();
  }

  private static Outcome ready(Tx tx, Found found, Amount fee, Set<PoolNode> replaced) {
    return new Ready(new Plan(tx, found.height(), found.coins(), fee, List.copyOf(replaced)));
  }

  private static Outcome refuse(MempoolReason reason, String detail) {
    return new Done(MempoolVerdict.Rejected.of(reason, detail));
  }

  private static Outcome invalid(RejectReason reason, String detail) {
    return new Done(
        new MempoolVerdict.Rejected(MempoolReason.INVALID, Optional.of(reason), detail));
  }
}
