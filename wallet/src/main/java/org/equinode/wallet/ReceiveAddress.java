package org.equinode.wallet;

import java.util.Optional;
import org.equinode.crypto.Address;
import org.equinode.wallet.keys.Label;

/**
 * A plain address of the wallet: receive key {@code index} as {@code SIG(key)}, in bech32m.
 *
 * @param index the key's index in the standard path {@code m/44'/17745'/0'/0'/index'}
 * @param address the address
 * @param label what the user called it when asking for it
 */
public record ReceiveAddress(int index, Address address, Optional<Label> label) {}
