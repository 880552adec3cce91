package org.equinode.chain.tx;

import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;

/**
 * An output: an amount paid to the hash of a lock.
 *
 * @param amount what the output holds
 * @param lockHash the hash of the lock that a spender must reveal and satisfy
 */
public record TxOut(Amount amount, LockHash lockHash) {
  /** The encoded length: the amount as {@code u64}, then the 32-byte lock hash. */
  public static final int ENCODED_LENGTH = Amount.ENCODED_LENGTH + Hash32.LENGTH;

  public static TxOut read(ByteReader reader) {
    Amount amount = Amount.read(reader);
    return new TxOut(amount, LockHash.read(reader));
  }

  public void write(ByteWriter writer) {
    amount.write(writer);
    lockHash.write(writer);
  }
}
