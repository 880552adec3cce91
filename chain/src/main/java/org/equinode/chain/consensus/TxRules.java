package org.equinode.chain.consensus;

import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxCodec;
import org.equinode.common.DecodeException;

/**
 * The rules of one transaction. Most stateless rules (counts, sizes, amounts, no output spent
 * twice, the coinbase's shape) are kept by {@link Tx} itself, whose constructor and decoder refuse
 * anything else; {@link #decode} turns the decoder's refusal into a verdict. The block path ({@link
 * BlockRules}) and the mempool path ({@link #checkContextual}) share the same code for the rest.
 */
public final class TxRules {
  /**
   * The most signatures one transaction's witnesses may carry: an eighth of a block's budget, so
   * that verifying a single transaction costs at most about 80 ms of one core.
   */
  public static final int MAX_TX_SIGOPS = BlockRules.MAX_BLOCK_SIGOPS / 8;

  private TxRules() {}

  /** Decodes a transaction received as bytes: a verdict, never an exception. */
  public static Verdict<Tx> decode(byte[] bytes) {
    if (bytes.length > Tx.MAX_TX_SIZE) {
      return Verdict.reject(
          RejectReason.BAD_TX_SIZE,
          "transaction of " + bytes.length + " bytes exceeds MAX_TX_SIZE " + Tx.MAX_TX_SIZE);
    }
    try {
      return Verdict.accept(TxCodec.decode(bytes));
    } catch (DecodeException e) {
      return Verdict.reject(RejectReason.BAD_ENCODING, "transaction: " + e.getMessage());
    }
  }

  /** The rules a transaction must keep whatever the chain: at most {@link #MAX_TX_SIGOPS}. */
  public static Verdict<Tx> checkStateless(Tx tx) {
    int sigOps = sigOps(tx);
    if (sigOps > MAX_TX_SIGOPS) {
      return Verdict.reject(
          RejectReason.TX_TOO_MANY_SIGOPS,
          "tx " + tx.txId() + " carries " + sigOps + " signatures, above " + MAX_TX_SIGOPS);
    }
    return Verdict.accept(tx);
  }

  /**
   * Checks a loose transaction (for the mempool) for inclusion in the next block: its stateless
   * rules, then every input against {@code view} as a block at {@code height} would (finality,
   * existence, maturity, lock hashes, amounts, witnesses). A coinbase is refused: it only exists in
   * a block.
   *
   * @param view the unspent outputs as of the tip (plus whatever else the caller lets it spend)
   * @param height the height of the next block: the tip's plus one
   */
  public static Verdict<CheckedTx> checkContextual(
      Tx tx, UtxoView view, int height, ChainParams params, SignatureChecker checker) {
    if (tx.isCoinbase()) {
      return Verdict.reject(
          RejectReason.COINBASE_OUTSIDE_BLOCK, "tx " + tx.txId() + " is a coinbase");
    }
    return checkStateless(tx)
        .then(checked -> InputRules.spend(tx, view, height, params))
        .then(
            inputs ->
                checker
                    .check(inputs.checks())
                    .then(
                        sigChecks ->
                            Verdict.accept(
                                new CheckedTx(inputs.fee(), sigChecks, inputs.spent()))));
  }

  /** The signatures {@code tx}'s witnesses carry: each will be verified once. */
  static int sigOps(Tx tx) {
    int count = 0;
    for (InputWitness witness : tx.witnesses()) {
      if (witness instanceof InputWitness.Spend spend) {
        count += spend.witness().signatureCount();
      }
    }
    return count;
  }
}
