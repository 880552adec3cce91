package org.equinode.chain.tx;

import java.util.Arrays;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.common.Hex;

/**
 * What an input carries outside the txid: the revealed lock and its witness, or, for the coinbase's
 * single input, free data for the miner.
 */
public sealed interface InputWitness permits InputWitness.Spend, InputWitness.Coinbase {
  /**
   * A spend: the lock whose hash the spent output pays to, and the witness that satisfies it.
   *
   * @param lock the revealed lock
   * @param witness what satisfies it
   */
  record Spend(Lock lock, Witness witness) implements InputWitness {}

  /**
   * The coinbase's witness: up to {@link Tx#MAX_COINBASE_DATA} bytes the miner chooses (an extra
   * nonce, a tag). The block height is not here but in the coinbase's lock time, inside the txid.
   */
  final class Coinbase implements InputWitness {
    private final byte[] data;

    private Coinbase(byte[] data) {
      this.data = data;
    }

    /**
     * The witness with a copy of {@code data}.
     *
     * @throws TxException if it is longer than {@link Tx#MAX_COINBASE_DATA}
     */
    public static Coinbase of(byte[] data) {
      if (data.length > Tx.MAX_COINBASE_DATA) {
        throw new TxException(
            "coinbase data of "
                + data.length
                + " bytes exceeds MAX_COINBASE_DATA "
                + Tx.MAX_COINBASE_DATA);
      }
      return new Coinbase(data.clone());
    }

    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Coinbase other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Coinbase[" + Hex.encode(data) + "]";
    }
  }
}
