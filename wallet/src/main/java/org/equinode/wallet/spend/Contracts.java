package org.equinode.wallet.spend;

import java.util.HashSet;
import java.util.List;
import org.equinode.chain.lock.Lock;
import org.equinode.common.Hash32;
import org.equinode.common.Network;
import org.equinode.crypto.Address;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.wallet.WalletException;

/** The locks of the contracts a wallet creates, and their addresses. */
public final class Contracts {
  private Contracts() {}

  /**
   * An escrow: {@code MULTI(k; keys)} with the keys in canonical order, such as 2-of-2 (buyer and
   * seller) or 2-of-3 (buyer, seller and an arbiter).
   *
   * @throws WalletException if a key repeats, there are fewer than two keys, or k is outside 1..n
   */
  public static Lock.Multi escrow(int k, List<Ed25519PublicKey> keys) {
    if (keys.size() < 2 || keys.size() > Lock.MAX_MULTI_KEYS) {
      throw new WalletException(
          "an escrow has 2 to " + Lock.MAX_MULTI_KEYS + " keys, got " + keys.size());
    }
    if (new HashSet<>(keys).size() != keys.size()) {
      throw new WalletException("an escrow's keys must be distinct");
    }
    if (k < 1 || k > keys.size()) {
      throw new WalletException(
          "an escrow of "
              + keys.size()
              + " keys needs 1 to "
              + keys.size()
              + " signatures, got "
              + k);
    }
    return Lock.Multi.sorted(k, keys);
  }

  /**
   * A hash-time-lock: {@code OR(AND(SIG(claimer), HASH(digest)), AND(SIG(refunder),
   * AFTER(refundHeight)))}. The claimer takes the coins by revealing the preimage of {@code
   * digest}; if it does not, the refunder takes them back from block {@code refundHeight} on. The
   * same digest on two chains makes an atomic swap.
   */
  public static Lock hashTimeLock(
      Ed25519PublicKey claimer, Hash32 digest, Ed25519PublicKey refunder, int refundHeight) {
    if (claimer.equals(refunder)) {
      throw new WalletException("a hash-time-lock's claimer and refunder must differ");
    }
    if (refundHeight < 1) {
      throw new WalletException("a refund height is 1 or more, got " + refundHeight);
    }
    return new Lock.Or(
        List.of(
            new Lock.And(List.of(new Lock.Sig(claimer), new Lock.HashLock(digest))),
            new Lock.And(List.of(new Lock.Sig(refunder), new Lock.After(refundHeight)))));
  }

  /** The address that pays to {@code lock} on {@code network}. */
  public static Address address(Network network, Lock lock) {
    return new Address(network, lock.hash().hash());
  }
}
