package org.equinode.wallet;

import org.equinode.crypto.Mnemonic;
import org.equinode.wallet.keys.WalletSecrets;

/** Fixed mnemonics for tests. Never use them for real coins. */
public final class TestSecrets {
  /** The BIP39 all-zero-entropy phrase. */
  public static final String ABANDON =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  /** Another valid phrase (entropy 0x7f repeated). */
  public static final String LEGAL =
      "legal winner thank year wave sausage worth useful legal winner thank yellow";

  private static final WalletSecrets SECRETS = WalletSecrets.of(Mnemonic.parse(ABANDON), "");
  private static final WalletSecrets OTHER = WalletSecrets.of(Mnemonic.parse(LEGAL), "");

  private TestSecrets() {}

  public static Mnemonic mnemonic() {
    return Mnemonic.parse(ABANDON);
  }

  /** The secrets of {@link #ABANDON} without a BIP39 passphrase (derived once). */
  public static WalletSecrets secrets() {
    return SECRETS;
  }

  /** The secrets of {@link #LEGAL} without a BIP39 passphrase (derived once). */
  public static WalletSecrets other() {
    return OTHER;
  }
}
