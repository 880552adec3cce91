/** The ledger of one node: chain state, mempool, wallets and miner, wired together. */
@NullMarked
package org.equinode.node.ledger;

import org.jspecify.annotations.NullMarked;
