/**
 * The pool of unconfirmed transactions: acceptance against the chain's unspent outputs plus the
 * pool's own outputs, fee-rate policy, a byte cap with eviction, replace-by-fee, orphans, expiry,
 * and keeping in step with the chain as blocks connect and disconnect. The policy is written down
 * in {@code chain/README.md} ("Mempool"). {@link org.equinode.chain.mempool.Mempool} is the entry
 * point; it reaches the chain only through {@link org.equinode.chain.mempool.MempoolChainView}.
 */
@NullMarked
package org.equinode.chain.mempool;

import org.jspecify.annotations.NullMarked;
