package org.equinode.wallet.ledger;

/** How a wallet owns an output. */
public enum CoinKind {
  /** Paid to one of its receive keys ({@code SIG}): the wallet spends it alone. */
  RECEIVE,
  /**
   * Paid to a lock it watches (escrow, hash-time-lock): spending it may need another party, a
   * secret or a height, so it counts apart from the balance.
   */
  CONTRACT
}
