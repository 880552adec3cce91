/**
 * The consensus rules: difficulty (ASERT), time rules, and the validation of headers, blocks and
 * transactions, stateless and against a {@link org.equinode.chain.consensus.UtxoView}. Every rule
 * answers with a {@link org.equinode.chain.consensus.Verdict}; exceptions only report local misuse.
 * Specified in {@code chain/README.md}.
 */
@NullMarked
package org.equinode.chain.consensus;

import org.jspecify.annotations.NullMarked;
