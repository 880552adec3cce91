/**
 * Wallets: a BIP39 mnemonic, the keys SLIP-0010 derives from it, the coins paid to them, and the
 * transactions that spend them. The file format is specified in {@code wallet/README.md}.
 */
@NullMarked
package org.equinode.wallet;

import org.jspecify.annotations.NullMarked;
