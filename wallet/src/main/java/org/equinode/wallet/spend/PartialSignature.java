package org.equinode.wallet.spend;

import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;

/**
 * One cosigner's signature for one input of a transaction being signed by several parties (an
 * escrow spend).
 *
 * @param input the input's index
 * @param key the key that signed
 * @param signature its signature of that input's signature hash
 */
public record PartialSignature(int input, Ed25519PublicKey key, Ed25519Signature signature) {}
