package org.equinode.wallet;

import java.util.Optional;
import java.util.Set;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.wallet.keys.HashSecrets;
import org.equinode.wallet.keys.KeyChain;
import org.equinode.wallet.keys.WalletSecrets;
import org.equinode.wallet.spend.KeyRing;

/**
 * An unlocked wallet's keys and preimages. For planning a spend that cosigners will sign too, the
 * ring can count their keys as signable ({@link #planningWith}); signing for them is then refused,
 * as their signatures come separately.
 */
final class WalletKeyRing implements KeyRing {
  private final WalletSecrets secrets;
  private final KeyChain keys;
  private final HashSecrets hashes;
  private final Set<Ed25519PublicKey> cosigners;

  WalletKeyRing(WalletSecrets secrets, KeyChain keys, HashSecrets hashes) {
    this(secrets, keys, hashes, Set.of());
  }

  private WalletKeyRing(
      WalletSecrets secrets, KeyChain keys, HashSecrets hashes, Set<Ed25519PublicKey> cosigners) {
    this.secrets = secrets;
    this.keys = keys;
    this.hashes = hashes;
    this.cosigners = Set.copyOf(cosigners);
  }

  /** This ring, counting {@code others}' keys as signable for planning. */
  WalletKeyRing planningWith(Set<Ed25519PublicKey> others) {
    return new WalletKeyRing(secrets, keys, hashes, others);
  }

  @Override
  public boolean canSign(Ed25519PublicKey key) {
    return keys.indexOf(key).isPresent() || cosigners.contains(key);
  }

  @Override
  public Ed25519Signature sign(Ed25519PublicKey key, Hash32 sigHash) {
    int index =
        keys.indexOf(key)
            .orElseThrow(
                () -> new WalletException("key " + key + " is not one of this wallet's keys"));
    return secrets.receiveKey(index).sign(sigHash.toByteArray());
  }

  @Override
  public Optional<Hash32> preimage(Hash32 digest) {
    return hashes.preimage(digest, Optional.of(secrets));
  }
}
