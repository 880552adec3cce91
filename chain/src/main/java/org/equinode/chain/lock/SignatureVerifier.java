package org.equinode.chain.lock;

import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;

/**
 * Verifies one Ed25519 signature for the {@link LockChecker}: the only place a lock check spends
 * real CPU. The verdict must be {@link Ed25519PublicKey#verify}'s for the same key, signature and
 * message; an implementation may only avoid work (a cache of earlier successes), never change a
 * verdict. Implementations are called from several checker threads at once and must be thread-safe.
 */
@FunctionalInterface
public interface SignatureVerifier {
  /** True when {@code signature} is {@code key}'s signature of the 32 bytes of {@code message}. */
  boolean verify(Ed25519PublicKey key, Ed25519Signature signature, Hash32 message);

  /** Verifies every signature with {@link Ed25519PublicKey#verify}, remembering nothing. */
  static SignatureVerifier direct() {
    return (key, signature, message) -> key.verify(message.toByteArray(), signature);
  }
}
