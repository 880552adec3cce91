/**
 * The wallet's keys: the secrets (mnemonic and BIP39 passphrase), the chain of receive keys derived
 * from them, the non-SIG locks the wallet watches, and the hash-lock secrets it knows.
 */
@NullMarked
package org.equinode.wallet.keys;

import org.jspecify.annotations.NullMarked;
