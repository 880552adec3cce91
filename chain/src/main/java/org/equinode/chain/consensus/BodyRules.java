package org.equinode.chain.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;

/**
 * What a block's transactions say about themselves. The roots come first: while they do not match,
 * the body is not what the header commits to and nothing else is worth reporting.
 */
final class BodyRules {
  private BodyRules() {}

  static Verdict<Block> check(Block block) {
    List<Tx> txs = block.txs();
    if (!block.header().txRoot().equals(Block.txRoot(txs))) {
      return Verdict.reject(
          RejectReason.BAD_MERKLE_ROOT,
          "block " + block.hash() + ": the header's tx root is not that of its transactions");
    }
    if (!block.header().witnessRoot().equals(Block.witnessRoot(txs))) {
      return Verdict.reject(
          RejectReason.BAD_WITNESS_ROOT,
          "block " + block.hash() + ": the header's witness root is not that of its transactions");
    }
    if (!txs.get(0).isCoinbase()) {
      return Verdict.reject(
          RejectReason.BAD_CB_MISSING,
          "block " + block.hash() + ": the first transaction is not a coinbase");
    }
    for (int i = 1; i < txs.size(); i++) {
      if (txs.get(i).isCoinbase()) {
        return Verdict.reject(
            RejectReason.BAD_CB_MULTIPLE,
            "block " + block.hash() + ": transaction " + i + " is a second coinbase");
      }
    }
    Set<TxId> txIds = new HashSet<>();
    for (int i = 0; i < txs.size(); i++) {
      if (!txIds.add(txs.get(i).txId())) {
        return Verdict.reject(
            RejectReason.DUPLICATE_TX,
            "block " + block.hash() + ": transaction " + i + " repeats " + txs.get(i).txId());
      }
    }
    int sigOps = 0;
    Set<OutPoint> spent = new HashSet<>();
    for (int i = 1; i < txs.size(); i++) {
      Tx tx = txs.get(i);
      if (TxRules.checkStateless(tx) instanceof Verdict.Reject<Tx> reject) {
        return reject.retype();
      }
      for (OutPoint input : tx.body().inputs()) {
        if (!spent.add(input)) {
          return Verdict.reject(
              RejectReason.DOUBLE_SPEND_IN_BLOCK,
              "block " + block.hash() + ": tx " + tx.txId() + " spends " + input + " again");
        }
      }
      sigOps += TxRules.sigOps(tx);
    }
    if (sigOps > BlockRules.MAX_BLOCK_SIGOPS) {
      return Verdict.reject(
          RejectReason.TOO_MANY_SIGOPS,
          "block "
              + block.hash()
              + " carries "
              + sigOps
              + " signatures, above "
              + BlockRules.MAX_BLOCK_SIGOPS);
    }
    return Verdict.accept(block);
  }
}
