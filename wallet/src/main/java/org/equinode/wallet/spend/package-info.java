/**
 * Spending: how a lock can be satisfied ({@link org.equinode.wallet.spend.Satisfier}), which coins
 * to spend ({@link org.equinode.wallet.spend.CoinSelector}), and the transaction that pays, signed
 * and checked ({@link org.equinode.wallet.spend.TxBuilder}); and the escrow and hash-time-lock
 * contracts a wallet can create ({@link org.equinode.wallet.spend.Contracts}).
 */
@NullMarked
package org.equinode.wallet.spend;

import org.jspecify.annotations.NullMarked;
