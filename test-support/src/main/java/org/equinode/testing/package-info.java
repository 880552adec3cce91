/** Helpers for tests: a controllable clock, seeded randomness, published vector files. */
@NullMarked
package org.equinode.testing;

import org.jspecify.annotations.NullMarked;
