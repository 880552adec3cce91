/**
 * The chain state on a {@link org.equinode.store.KeyValueStore}: stored blocks, the block index,
 * the set of unspent coins, undo data, the active chain and its tip, fork choice by most cumulative
 * work, and reorganisations in which every connect and disconnect is one atomic write batch. The
 * key layout is specified in {@code chain/README.md} ("Chain state").
 */
@NullMarked
package org.equinode.chain.state;

import org.jspecify.annotations.NullMarked;
