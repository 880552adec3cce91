package org.equinode.wallet;

import org.equinode.chain.lock.Lock;
import org.equinode.crypto.Address;

/**
 * A contract the wallet watches: its lock (to show the counterparty and to reveal when spending)
 * and the address that pays to it.
 *
 * @param lock the lock
 * @param address the bech32m of its hash
 */
public record ContractAddress(Lock lock, Address address) {}
