package org.equinode.api.chain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hex;
import org.equinode.common.Network;
import org.equinode.crypto.Address;

/**
 * A transaction as JSON.
 *
 * @param txid the id without witnesses
 * @param wtxid the id with witnesses
 * @param size its encoded size in bytes
 * @param version its version
 * @param locktime its lock time (a height)
 * @param vin its inputs
 * @param vout its outputs
 * @param hex the whole encoding, when asked for
 */
public record TxView(
    String txid,
    String wtxid,
    int size,
    int version,
    int locktime,
    List<Input> vin,
    List<Output> vout,
    Optional<String> hex) {
  /**
   * One input.
   *
   * @param txid the spent transaction (absent for a coinbase)
   * @param vout the spent output's index (absent for a coinbase)
   * @param coinbase the coinbase's data in hex (coinbase only)
   */
  public record Input(Optional<String> txid, Optional<Long> vout, Optional<String> coinbase) {}

  /**
   * One output.
   *
   * @param value the amount in EQ
   * @param n its index
   * @param lockhash the hash of the lock it pays to
   * @param address the same as an address of the network
   */
  public record Output(BigDecimal value, int n, String lockhash, String address) {}

  /** The view of {@code tx} on {@code network}. */
  public static TxView of(Tx tx, Network network, boolean withHex) {
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < tx.body().inputs().size(); i++) {
      OutPoint spent = tx.body().inputs().get(i);
      if (tx.witnesses().get(i) instanceof InputWitness.Coinbase coinbase) {
        inputs.add(
            new Input(
                Optional.empty(), Optional.empty(), Optional.of(Hex.encode(coinbase.data()))));
      } else {
        inputs.add(
            new Input(
                Optional.of(spent.txId().hash().toString()),
                Optional.of(spent.index()),
                Optional.empty()));
      }
    }
    List<Output> outputs = new ArrayList<>();
    for (int n = 0; n < tx.body().outputs().size(); n++) {
      TxOut out = tx.body().outputs().get(n);
      outputs.add(
          new Output(
              Amounts.toJson(out.amount()),
              n,
              out.lockHash().hash().toString(),
              new Address(network, out.lockHash().hash()).toString()));
    }
    return new TxView(
        tx.txId().hash().toString(),
        tx.wTxId().hash().toString(),
        tx.size(),
        tx.body().version(),
        tx.body().lockTime(),
        inputs,
        outputs,
        withHex ? Optional.of(Hex.encode(tx.encode())) : Optional.empty());
  }
}
