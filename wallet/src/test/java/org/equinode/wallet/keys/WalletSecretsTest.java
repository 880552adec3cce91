package org.equinode.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.equinode.crypto.DerivationPath;
import org.equinode.crypto.Mnemonic;
import org.equinode.crypto.Slip10;
import org.equinode.wallet.TestSecrets;
import org.junit.jupiter.api.Test;

class WalletSecretsTest {
  @Test
  void receiveKeysAreTheStandardPath() {
    Mnemonic mnemonic = TestSecrets.mnemonic();
    byte[] seed = mnemonic.seed("");
    WalletSecrets secrets = TestSecrets.secrets();
    for (int index : new int[] {0, 1, 7, 1000}) {
      assertThat(secrets.receiveKey(index).publicKey())
          .isEqualTo(Slip10.privateKey(seed, DerivationPath.standard(0, index)).publicKey());
    }
  }

  @Test
  void theBip39PassphraseChangesEveryKey() {
    WalletSecrets plain = TestSecrets.secrets();
    WalletSecrets salted = WalletSecrets.of(TestSecrets.mnemonic(), "TREZOR");
    assertThat(salted.receiveKey(0).publicKey()).isNotEqualTo(plain.receiveKey(0).publicKey());
    assertThat(salted.swapSecret(0)).isNotEqualTo(plain.swapSecret(0));
    assertThat(salted).isNotEqualTo(plain);
    assertThat(WalletSecrets.of(TestSecrets.mnemonic(), "TREZOR")).isEqualTo(salted);
  }

  @Test
  void swapSecretsAreDeterministicAndDistinct() {
    WalletSecrets secrets = TestSecrets.secrets();
    assertThat(secrets.swapSecret(0)).isEqualTo(TestSecrets.secrets().swapSecret(0));
    assertThat(secrets.swapSecret(0)).isNotEqualTo(secrets.swapSecret(1));
    byte[] seed = TestSecrets.mnemonic().seed("");
    DerivationPath path = DerivationPath.parse("m/44'/17745'/0'/2'/0'");
    assertThat(secrets.swapSecret(0))
        .isEqualTo(WalletSecrets.SWAP_SECRET.hash(Slip10.derive(seed, path).key()));
  }

  @Test
  void nothingSecretIsPrinted() {
    assertThat(TestSecrets.secrets().toString()).isEqualTo("WalletSecrets[hidden]");
  }
}
