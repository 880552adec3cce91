package org.equinode.chain.consensus;

import org.equinode.chain.tx.OutPoint;

/**
 * An output's place and its coin: an entry of the UTXO set, added or removed.
 *
 * @param outPoint the transaction and index that name it
 * @param coin the output with its height and whether a coinbase created it
 */
public record Utxo(OutPoint outPoint, Coin coin) {}
