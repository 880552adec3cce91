package org.equinode.wallet;

import org.equinode.crypto.Mnemonic;

/**
 * A wallet just created, with its mnemonic: the words to show the user once, to write down.
 *
 * @param wallet the wallet, locked
 * @param mnemonic its words; a secret
 */
public record NewWallet(Wallet wallet, Mnemonic mnemonic) {}
