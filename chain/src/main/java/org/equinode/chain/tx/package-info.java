/**
 * Transactions: outpoints, outputs, the body that the txid names, input witnesses outside it, the
 * canonical codec, the signature hash and a signer for SIG locks.
 */
@NullMarked
package org.equinode.chain.tx;

import org.jspecify.annotations.NullMarked;
