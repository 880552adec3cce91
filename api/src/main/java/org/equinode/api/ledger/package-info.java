/** Methods over the mempool, the miner and the wallets. */
@NullMarked
package org.equinode.api.ledger;

import org.jspecify.annotations.NullMarked;
