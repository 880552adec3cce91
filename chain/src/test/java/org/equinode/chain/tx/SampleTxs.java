package org.equinode.chain.tx;

import static org.equinode.chain.TestKeys.key;
import static org.equinode.chain.TestKeys.privateKey;

import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.lock.Lock;

/** Transactions for tests. */
public final class SampleTxs {
  private SampleTxs() {}

  public static LockHash address(int i) {
    return new Lock.Sig(key(i)).hash();
  }

  /** The outputs the sample transaction spends: 10 EQ to key 0 and 5 EQ to key 1. */
  public static List<TxOut> spent() {
    return List.of(new TxOut(Amount.ofEq(10), address(0)), new TxOut(Amount.ofEq(5), address(1)));
  }

  public static TxBody body() {
    return new TxBody(
        1,
        List.of(
            new OutPoint(TxId.parse("11".repeat(32)), 0),
            new OutPoint(TxId.parse("22".repeat(32)), 3)),
        List.of(new TxOut(Amount.ofEq(12), address(2)), new TxOut(Amount.parse("2.9"), address(0))),
        0);
  }

  /** {@link #body()} signed by keys 0 and 1. */
  public static Tx signed() {
    return TxSigner.signAll(body(), spent(), List.of(privateKey(0), privateKey(1)));
  }
}
