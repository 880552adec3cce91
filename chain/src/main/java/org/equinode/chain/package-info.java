/**
 * The ledger's values: amounts, typed ids and the tagged hashes that name them. Pure: no storage,
 * no networking, no clock. Byte order and every encoding are specified in {@code chain/README.md}.
 */
@NullMarked
package org.equinode.chain;

import org.jspecify.annotations.NullMarked;
