package org.equinode.wallet.spend;

import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.tx.TxOut;
import org.equinode.crypto.Address;

/**
 * An amount to pay to a lock hash (an address).
 *
 * @param to the lock hash the output pays to
 * @param amount at least {@link TxBuilder#DUST_THRESHOLD}
 */
public record Payment(LockHash to, Amount amount) {
  /** A payment to {@code address} (whose network the caller has checked when parsing it). */
  public static Payment to(Address address, Amount amount) {
    return new Payment(new LockHash(address.lockHash()), amount);
  }

  TxOut output() {
    return new TxOut(amount, to);
  }
}
