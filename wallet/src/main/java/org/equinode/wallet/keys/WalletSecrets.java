package org.equinode.wallet.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.equinode.common.Hash32;
import org.equinode.crypto.DerivationPath;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.ExtendedKey;
import org.equinode.crypto.Mnemonic;
import org.equinode.crypto.Slip10;
import org.equinode.crypto.TaggedHash;

/**
 * What the encrypted part of a wallet file holds: the BIP39 mnemonic and its optional passphrase
 * (the "25th word"). Everything else derives from them through SLIP-0010:
 *
 * <ul>
 *   <li>receive key {@code i}: {@link DerivationPath#standard(int, int) standard(0, i)}, that is
 *       {@code m/44'/17745'/0'/0'/i'};
 *   <li>swap secret {@code n}: {@code H(eq/wallet/swap-secret, key at m/44'/17745'/0'/2'/n')}, the
 *       32-byte preimage of a hash lock the wallet creates, so that restoring the mnemonic restores
 *       the secrets too.
 * </ul>
 *
 * <p>Never printed: {@link #toString()} hides everything. The derived chain keys are computed once.
 */
public final class WalletSecrets {
  /** The account every key of a wallet lives under. */
  public static final int ACCOUNT = 0;

  /** The level below the account that holds swap secrets (receive keys are under {@code 0'}). */
  public static final int SWAP_SECRET_CHAIN = 2;

  /** The tag of the hash that turns a derived key into a swap secret. */
  public static final TaggedHash SWAP_SECRET = TaggedHash.of("eq/wallet/swap-secret");

  private final Mnemonic mnemonic;
  private final String bip39Passphrase;
  private final ExtendedKey receiveChain;
  private final ExtendedKey swapChain;

  private WalletSecrets(Mnemonic mnemonic, String bip39Passphrase) {
    this.mnemonic = mnemonic;
    this.bip39Passphrase = bip39Passphrase;
    byte[] seed = mnemonic.seed(bip39Passphrase);
    ExtendedKey account = Slip10.derive(seed, accountPath());
    Arrays.fill(seed, (byte) 0);
    this.receiveChain = account.child(ExtendedKey.HARDENED);
    this.swapChain = account.child(SWAP_SECRET_CHAIN | ExtendedKey.HARDENED);
  }

  /**
   * The secrets of a wallet.
   *
   * @throws org.equinode.crypto.CryptoException if the passphrase is too long or not well-formed
   *     Unicode
   */
  public static WalletSecrets of(Mnemonic mnemonic, String bip39Passphrase) {
    return new WalletSecrets(mnemonic, bip39Passphrase);
  }

  /** {@code m/44'/17745'/0'}: the standard path without its last two levels. */
  private static DerivationPath accountPath() {
    List<Integer> levels = DerivationPath.standard(ACCOUNT, 0).levels();
    return new DerivationPath(levels.subList(0, levels.size() - 2));
  }

  public Mnemonic mnemonic() {
    return mnemonic;
  }

  /** The BIP39 passphrase, empty when none was chosen. A secret. */
  public String bip39Passphrase() {
    return bip39Passphrase;
  }

  /** Receive key {@code index}, at {@code DerivationPath.standard(0, index)}. */
  public Ed25519PrivateKey receiveKey(int index) {
    return receiveChain.child(hardened(index)).privateKey();
  }

  /** Swap secret {@code index}: a hash-lock preimage only this wallet knows until it spends. */
  public Hash32 swapSecret(int index) {
    return SWAP_SECRET.hash(swapChain.child(hardened(index)).key());
  }

  private static int hardened(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a key index is 0 or more, got " + index);
    }
    return index | ExtendedKey.HARDENED;
  }

  /** Equal when the mnemonic and passphrase are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof WalletSecrets other
        && mnemonic.equals(other.mnemonic)
        && MessageDigest.isEqual(
            bip39Passphrase.getBytes(StandardCharsets.UTF_8),
            other.bip39Passphrase.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return mnemonic.hashCode();
  }

  @Override
  public String toString() {
    return "WalletSecrets[hidden]";
  }
}
