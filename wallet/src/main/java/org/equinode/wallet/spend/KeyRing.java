package org.equinode.wallet.spend;

import java.util.Optional;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;

/** What a spender can bring to a lock: signatures of some keys, and some hash preimages. */
public interface KeyRing {
  /** True when this ring can provide {@code key}'s signature (its own, or a cosigner's). */
  boolean canSign(Ed25519PublicKey key);

  /**
   * {@code key}'s signature of {@code sigHash}.
   *
   * @throws org.equinode.wallet.WalletException if the ring cannot provide it
   */
  Ed25519Signature sign(Ed25519PublicKey key, Hash32 sigHash);

  /** The 32-byte preimage whose plain SHA-256 is {@code digest}, if the ring knows it. */
  Optional<Hash32> preimage(Hash32 digest);
}
