package org.equinode.chain.state;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.equinode.chain.Amount;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;

/**
 * A stand-in for the consensus package's validation until it lands: proof of work against the
 * header's own target and the limit, the time rules, the roots, coinbase placement and height,
 * inputs that exist and are not spent twice, coinbase maturity, lock times, amounts and the
 * coinbase's claim. It does not check the ASERT target or the locks' witnesses (signatures); those
 * come with {@code org.equinode.chain.consensus}.
 */
final class ProvisionalRules implements BlockValidation {
  private final ChainParams params;

  ProvisionalRules(ChainParams params) {
    this.params = params;
  }

  @Override
  public Optional<String> checkHeader(BlockHeader header, ParentContext parent) {
    BigInteger target = header.bits().target();
    if (target.compareTo(params.powLimit().target()) > 0) {
      return Optional.of(
          "target " + header.bits() + " is easier than the limit " + params.powLimit());
    }
    if (!header.hasProofOfWork()) {
      return Optional.of("hash " + header.hash() + " does not meet its target " + header.bits());
    }
    if (header.time() <= parent.medianTimePast()) {
      return Optional.of(
          "time "
              + header.time()
              + " is not after the median time past "
              + parent.medianTimePast());
    }
    if (header.time() > parent.now() + params.maxFutureBlockTime()) {
      return Optional.of(
          "time "
              + header.time()
              + " is more than "
              + params.maxFutureBlockTime()
              + " s ahead of the clock ("
              + parent.now()
              + ")");
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> checkBody(Block block, int height) {
    if (!block.rootsMatch()) {
      return Optional.of("the merkle roots are not those of the transactions");
    }
    List<Tx> txs = block.txs();
    if (!txs.get(0).isCoinbase()) {
      return Optional.of("the first transaction is not a coinbase");
    }
    for (int i = 1; i < txs.size(); i++) {
      if (txs.get(i).isCoinbase()) {
        return Optional.of("transaction " + i + " is a second coinbase");
      }
    }
    int lockTime = txs.get(0).body().lockTime();
    if (lockTime != height) {
      return Optional.of("coinbase lock time " + lockTime + " is not the block height " + height);
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> checkConnect(Block block, int height, UtxoView before) {
    Map<OutPoint, Coin> created = new HashMap<>();
    Set<OutPoint> spent = new HashSet<>();
    Amount fees = Amount.ZERO;
    List<Tx> txs = block.txs();
    for (int t = 0; t < txs.size(); t++) {
      Tx tx = txs.get(t);
      String where = "transaction " + t + " (" + tx.txId() + ")";
      if (!tx.isCoinbase()) {
        if (tx.body().lockTime() > height) {
          return Optional.of(
              where + " has lock time " + tx.body().lockTime() + " above the height " + height);
        }
        Optional<Amount> in = Optional.of(Amount.ZERO);
        for (OutPoint input : tx.body().inputs()) {
          Optional<Coin> found = find(input, spent, created, before);
          if (found.isEmpty()) {
            return Optional.of(where + " spends " + input + ", which is missing or spent");
          }
          Coin coin = found.get();
          if (coin.coinbase() && height - coin.height() < params.coinbaseMaturity()) {
            return Optional.of(where + " spends " + input + ", an immature coinbase output");
          }
          spent.add(input);
          in = in.flatMap(sum -> sum.tryAdd(coin.output().amount()));
        }
        Amount out = tx.body().outputTotal();
        Optional<Amount> fee = in.flatMap(sum -> sum.trySubtract(out));
        if (fee.isEmpty()) {
          return Optional.of(where + " spends more than its inputs hold");
        }
        Optional<Amount> total = fees.tryAdd(fee.get());
        if (total.isEmpty()) {
          return Optional.of("the fees exceed MAX_MONEY");
        }
        fees = total.get();
      }
      for (int i = 0; i < tx.body().outputs().size(); i++) {
        created.put(
            new OutPoint(tx.txId(), i), new Coin(tx.body().outputs().get(i), height, t == 0));
      }
    }
    Amount claim = txs.get(0).body().outputTotal();
    Optional<Amount> allowed = params.subsidyAt(height).tryAdd(fees);
    if (allowed.isPresent() && claim.compareTo(allowed.get()) > 0) {
      return Optional.of(
          "the coinbase claims " + claim + ", more than subsidy and fees " + allowed.get());
    }
    return Optional.empty();
  }

  private static Optional<Coin> find(
      OutPoint input, Set<OutPoint> spent, Map<OutPoint, Coin> created, UtxoView before) {
    if (spent.contains(input)) {
      return Optional.empty();
    }
    Coin inBlock = created.get(input);
    return inBlock != null ? Optional.of(inBlock) : before.coin(input);
  }
}
