package org.equinode.wallet.ledger;

import org.equinode.chain.Amount;

/**
 * A wallet's coins by what can be done with them now. Coins spent by a transaction in the mempool
 * count nowhere: that transaction's change counts as pending.
 *
 * @param confirmed in blocks, mature, paid to receive keys: what the wallet can spend now
 * @param pending in mempool transactions, incoming or change
 * @param immature coinbase outputs with fewer confirmations than the maturity
 * @param contracts paid to watched locks (escrow, hash-time-locks), confirmed or pending: not
 *     spendable by the wallet alone, so not in the other three
 */
public record Balance(Amount confirmed, Amount pending, Amount immature, Amount contracts) {
  public static final Balance ZERO =
      new Balance(Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO);
}
