package org.equinode.chain.tx;

import java.util.Arrays;
import java.util.List;
import org.equinode.chain.ChainHashes;
import org.equinode.chain.TxId;
import org.equinode.chain.WTxId;

/**
 * A transaction with its witnesses, one per input. Immutable; the encoding and both ids are
 * computed once, when it is built. Equal transactions have equal encodings.
 */
public final class Tx {
  /** The largest full encoding, witnesses included. */
  public static final int MAX_TX_SIZE = 100_000;

  /** The most inputs. */
  public static final int MAX_INPUTS = 2_000;

  /** The most outputs. */
  public static final int MAX_OUTPUTS = 2_000;

  /** The most bytes of free data in a coinbase's witness. */
  public static final int MAX_COINBASE_DATA = 100;

  private final TxBody body;
  private final List<InputWitness> witnesses;
  private final byte[] encoded;
  private final TxId txId;
  private final WTxId wTxId;

  private Tx(TxBody body, List<InputWitness> witnesses) {
    this.body = body;
    this.witnesses = witnesses;
    byte[] bodyBytes = body.encode();
    this.encoded = TxCodec.encode(bodyBytes, witnesses);
    this.txId = new TxId(ChainHashes.TX.hash(bodyBytes));
    this.wTxId = new WTxId(ChainHashes.WTX.hash(encoded));
  }

  /**
   * The transaction with these witnesses.
   *
   * @throws TxException if there is not one witness per input, if a coinbase witness is not on the
   *     null outpoint (or the other way round), or if the encoding exceeds {@link #MAX_TX_SIZE}
   */
  public static Tx of(TxBody body, List<InputWitness> witnesses) {
    List<InputWitness> copy = List.copyOf(witnesses);
    if (copy.size() != body.inputs().size()) {
      throw new TxException(copy.size() + " witnesses for " + body.inputs().size() + " inputs");
    }
    for (int i = 0; i < copy.size(); i++) {
      boolean coinbaseWitness = copy.get(i) instanceof InputWitness.Coinbase;
      if (coinbaseWitness != body.inputs().get(i).isNull()) {
        throw new TxException(
            "input "
                + i
                + (coinbaseWitness
                    ? " has a coinbase witness but spends an output"
                    : " is the null outpoint but has a spend witness"));
      }
    }
    return new Tx(body, copy);
  }

  /**
   * A coinbase for the block at {@code height}: the null outpoint as its single input, {@code
   * height} as its lock time (which makes its txid unique), and {@code data} in its witness.
   */
  public static Tx coinbase(int height, List<TxOut> outputs, byte[] data) {
    TxBody body = new TxBody(1, List.of(OutPoint.NULL), outputs, height);
    return of(body, List.of(InputWitness.Coinbase.of(data)));
  }

  public TxBody body() {
    return body;
  }

  public List<InputWitness> witnesses() {
    return witnesses;
  }

  public boolean isCoinbase() {
    return body.isCoinbase();
  }

  /** {@code H(eq/tx, body encoding)}: unchanged by the witnesses. */
  public TxId txId() {
    return txId;
  }

  /** {@code H(eq/wtx, full encoding)}. */
  public WTxId wTxId() {
    return wTxId;
  }

  /** The full encoding's length in bytes. */
  public int size() {
    return encoded.length;
  }

  /** A copy of the full encoding: the body, then each input's witness. */
  public byte[] encode() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tx other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return wTxId.hashCode();
  }

  @Override
  public String toString() {
    return "Tx[" + txId + ", " + body.inputs().size() + " in, " + body.outputs().size() + " out]";
  }
}
