/**
 * Ordered key-value storage with atomic write batches. {@link org.equinode.store.KeyValueStore} is
 * the interface; RocksDB and an in-memory map implement it and pass the same contract tests.
 */
@NullMarked
package org.equinode.store;

import org.jspecify.annotations.NullMarked;
