package org.equinode.wallet;

import java.util.Optional;
import java.util.function.Supplier;
import org.equinode.chain.LockHash;
import org.equinode.wallet.keys.KeyChain;
import org.equinode.wallet.keys.WalletSecrets;
import org.equinode.wallet.keys.WatchList;
import org.equinode.wallet.ledger.CoinKind;
import org.equinode.wallet.ledger.Ownership;

/**
 * Which outputs a wallet owns: those paying to a derived receive key or a watched lock. A payment
 * seen to a receive key marks it used and, while the wallet is unlocked, derives keys beyond it at
 * once, so that later payments in the same block to keys further on are found too.
 */
final class KeyOwnership implements Ownership {
  private final KeyChain keys;
  private final WatchList watched;
  private Supplier<Optional<WalletSecrets>> secrets = Optional::empty;

  KeyOwnership(KeyChain keys, WatchList watched) {
    this.keys = keys;
    this.watched = watched;
  }

  /** Where to get the secrets from when a key is used (the wallet, while unlocked). */
  void deriveWith(Supplier<Optional<WalletSecrets>> source) {
    this.secrets = source;
  }

  @Override
  public Optional<CoinKind> owner(LockHash lockHash) {
    if (keys.indexOf(lockHash).isPresent()) {
      return Optional.of(CoinKind.RECEIVE);
    }
    return watched.get(lockHash).map(w -> CoinKind.CONTRACT);
  }

  @Override
  public void seen(LockHash lockHash) {
    Optional<Integer> index = keys.indexOf(lockHash);
    if (index.isPresent()) {
      keys.markUsed(index.get());
      if (keys.needsKeys()) {
        secrets.get().ifPresent(keys::extend);
      }
    }
  }
}
