/**
 * What the chain tells a wallet and what the wallet makes of it: the listener the node feeds with
 * connected and disconnected blocks and mempool changes, the wallet's transactions, its coins, its
 * balances and its history.
 */
@NullMarked
package org.equinode.wallet.ledger;

import org.jspecify.annotations.NullMarked;
