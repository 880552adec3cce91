/** Ed25519 keys and signatures, tagged SHA-256, bech32m addresses, mnemonics, key derivation. */
@NullMarked
package org.equinode.crypto;

import org.jspecify.annotations.NullMarked;
