package org.equinode.chain.tx;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.equinode.chain.Amount;
import org.equinode.chain.ChainHashes;
import org.equinode.chain.TxId;
import org.equinode.chain.lock.Lock;

/**
 * A transaction without its witnesses: what the txid names and what the signature hash commits to.
 * Checks the rules that need no chain state: input and output counts, at most one null outpoint and
 * only as the sole input (a coinbase), no output spent twice, outputs totalling at most {@link
 * Amount#MAX_MONEY}, and an encoding within {@link Tx#MAX_TX_SIZE}.
 *
 * @param version a number the rules may later give meaning to; any unsigned 32-bit value
 * @param inputs the outputs spent, in order
 * @param outputs the outputs created, in order
 * @param lockTime the lowest block height that may include this transaction (0 for any)
 */
public record TxBody(int version, List<OutPoint> inputs, List<TxOut> outputs, int lockTime) {
  public TxBody {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (inputs.isEmpty() || inputs.size() > Tx.MAX_INPUTS) {
      throw new TxException(
          "a transaction has 1.." + Tx.MAX_INPUTS + " inputs, got " + inputs.size());
    }
    if (outputs.isEmpty() || outputs.size() > Tx.MAX_OUTPUTS) {
      throw new TxException(
          "a transaction has 1.." + Tx.MAX_OUTPUTS + " outputs, got " + outputs.size());
    }
    if (lockTime < 0) {
      throw new TxException("lock time " + lockTime + " is outside 0.." + Lock.MAX_HEIGHT);
    }
    checkInputs(inputs);
    if (total(outputs).isEmpty()) {
      throw new TxException("the outputs total more than MAX_MONEY");
    }
    int size = TxCodec.bodySize(inputs.size(), outputs.size());
    if (size > Tx.MAX_TX_SIZE) {
      throw new TxException(
          "transaction body of " + size + " bytes exceeds MAX_TX_SIZE " + Tx.MAX_TX_SIZE);
    }
  }

  private static void checkInputs(List<OutPoint> inputs) {
    Set<OutPoint> seen = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      OutPoint input = inputs.get(i);
      if (input.isNull() && inputs.size() > 1) {
        throw new TxException(
            "input " + i + " is the null outpoint, which only a coinbase's single input may be");
      }
      if (!seen.add(input)) {
        throw new TxException("input " + i + " spends " + input + " a second time");
      }
    }
  }

  /** The sum of the outputs, or empty if it exceeds {@link Amount#MAX_MONEY}. */
  public static Optional<Amount> total(List<TxOut> outputs) {
    Amount sum = Amount.ZERO;
    for (TxOut output : outputs) {
      Optional<Amount> next = sum.tryAdd(output.amount());
      if (next.isEmpty()) {
        return Optional.empty();
      }
      sum = next.get();
    }
    return Optional.of(sum);
  }

  /** The sum of the outputs. */
  public Amount outputTotal() {
    return total(outputs).orElseThrow();
  }

  /** True when the single input is the null outpoint. */
  public boolean isCoinbase() {
    return inputs.get(0).isNull();
  }

  /** The encoding without witnesses, specified in {@code chain/README.md}. */
  public byte[] encode() {
    return TxCodec.encodeBody(this);
  }

  /** {@code H(eq/tx, encode())}. */
  public TxId txId() {
    return new TxId(ChainHashes.TX.hash(encode()));
  }
}
