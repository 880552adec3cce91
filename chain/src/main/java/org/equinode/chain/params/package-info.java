/**
 * The constants of each network: its genesis block, target spacing, proof-of-work limit, ASERT
 * half-life, subsidy schedule, coinbase maturity and time rules. Specified in {@code
 * chain/README.md}.
 */
@NullMarked
package org.equinode.chain.params;

import org.jspecify.annotations.NullMarked;
