/**
 * Locks: the small closed policy trees that outputs pay to, the witnesses that satisfy them, their
 * canonical encodings, and the checker that decides whether a witness satisfies a lock.
 */
@NullMarked
package org.equinode.chain.lock;

import org.jspecify.annotations.NullMarked;
