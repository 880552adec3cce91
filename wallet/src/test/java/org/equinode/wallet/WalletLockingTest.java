package org.equinode.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.equinode.chain.lock.Lock;
import org.equinode.common.Network;
import org.equinode.crypto.Address;
import org.equinode.crypto.TaggedHash;
import org.equinode.testing.TestClock;
import org.equinode.wallet.keys.KeyChain;
import org.equinode.wallet.keys.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletLockingTest {
  private static final Passphrase PASSPHRASE = Passphrase.of("s3cret");

  private final TestClock clock = TestClock.fixed();
  private final WalletContext context = TestContexts.dev(clock);

  @TempDir Path folder;

  private Wallet create() {
    return Wallet.create(
        folder.resolve("alice.wallet"),
        WalletName.of("alice"),
        context,
        TestSecrets.secrets(),
        PASSPHRASE);
  }

  private Wallet reload() {
    return Wallet.load(folder.resolve("alice.wallet"), WalletName.of("alice"), context);
  }

  @Test
  void aLockedWalletHandsOutItsDerivedAddresses() {
    Wallet wallet = create();
    assertThat(wallet.isLocked()).isTrue();
    ReceiveAddress first = wallet.freshAddress(Optional.of(new Label("salary")));
    ReceiveAddress second = wallet.freshAddress(Optional.empty());
    assertThat(first.index()).isZero();
    assertThat(second.index()).isEqualTo(1);
    assertThat(first.address())
        .isEqualTo(
            new Address(
                Network.DEV,
                new Lock.Sig(TestSecrets.secrets().receiveKey(0).publicKey()).hash().hash()));
    assertThat(first.address().toString()).startsWith("deq1q");
    assertThat(reload().receiveAddresses()).containsExactly(first, second);
  }

  @Test
  void aWrongPassphraseIsRefusedAndLeavesTheWalletLocked() {
    Wallet wallet = create();
    assertThatThrownBy(() -> wallet.unlock(Passphrase.of("guess"), Duration.ofMinutes(5)))
        .isInstanceOf(WrongPassphraseException.class)
        .hasMessage("wrong passphrase for wallet 'alice'");
    assertThat(wallet.isLocked()).isTrue();
  }

  @Test
  void unlockLastsForItsPeriod() {
    Wallet wallet = create();
    wallet.unlock(Passphrase.of("s3cret"), Duration.ofMinutes(5));
    assertThat(wallet.isLocked()).isFalse();
    clock.advance(Duration.ofMinutes(4));
    assertThat(wallet.isLocked()).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(wallet.isLocked()).isTrue();
    wallet.unlock(PASSPHRASE, Duration.ofMinutes(5));
    wallet.lock();
    assertThat(wallet.isLocked()).isTrue();
    assertThatThrownBy(() -> wallet.unlock(PASSPHRASE, Duration.ZERO))
        .isInstanceOf(WalletException.class)
        .hasMessage("an unlock period is more than 0 and at most 365 days");
  }

  @Test
  void unlockingDerivesWhatTheLockedWalletCouldNot() {
    Wallet wallet = create();
    for (int i = 0; i < KeyChain.GAP_LIMIT; i++) {
      wallet.freshAddress(Optional.empty());
    }
    assertThatThrownBy(() -> wallet.freshAddress(Optional.empty()))
        .isInstanceOf(WalletLockedException.class);
    wallet.unlock(PASSPHRASE, Duration.ofMinutes(1));
    assertThat(wallet.hasUnsavedChanges()).isFalse();
    assertThat(wallet.freshAddress(Optional.empty()).index()).isEqualTo(KeyChain.GAP_LIMIT);
    wallet.lock();
    // The keys derived while unlocked were saved: the reloaded, locked wallet has them.
    Wallet again = reload();
    for (int i = 0; i < KeyChain.GAP_LIMIT - 1; i++) {
      again.freshAddress(Optional.empty());
    }
    assertThat(again.receiveAddresses()).hasSize(2 * KeyChain.GAP_LIMIT);
  }

  @Test
  void changingThePassphrase() {
    Wallet wallet = create();
    wallet.freshAddress(Optional.empty());
    assertThatThrownBy(() -> wallet.changePassphrase(Passphrase.of("x"), Passphrase.of("new")))
        .isInstanceOf(WrongPassphraseException.class);
    wallet.changePassphrase(PASSPHRASE, Passphrase.of("new one"));
    Wallet again = reload();
    assertThatThrownBy(() -> again.unlock(PASSPHRASE, Duration.ofMinutes(1)))
        .isInstanceOf(WrongPassphraseException.class);
    again.unlock(Passphrase.of("new one"), Duration.ofMinutes(1));
    assertThat(again.receiveAddresses()).hasSize(1);
    assertThat(again.revealMnemonic(Passphrase.of("new one"))).isEqualTo(TestSecrets.mnemonic());
  }

  @Test
  void anAlteredPublicKeyIsCaughtOnUnlock() throws IOException {
    create();
    Path path = folder.resolve("alice.wallet");
    byte[] bytes = Files.readAllBytes(path);
    byte[] key0 = TestSecrets.secrets().receiveKey(0).publicKey().toByteArray();
    byte[] key1 = TestSecrets.secrets().receiveKey(1).publicKey().toByteArray();
    int at = indexOf(bytes, key0);
    // Swap in another valid key (key 1 at index 0 would repeat: use the other wallet's key 0).
    byte[] foreign = TestSecrets.other().receiveKey(0).publicKey().toByteArray();
    System.arraycopy(foreign, 0, bytes, at, 32);
    assertThat(indexOf(bytes, key1)).isPositive();
    byte[] checksum = TaggedHash.sha256().digest(Arrays.copyOf(bytes, bytes.length - 32));
    System.arraycopy(checksum, 0, bytes, bytes.length - 32, 32);
    Files.write(path, bytes);

    Wallet altered = reload();
    assertThatThrownBy(() -> altered.unlock(PASSPHRASE, Duration.ofMinutes(1)))
        .isInstanceOf(WalletException.class)
        .hasMessage(
            "receive key 0 in the wallet file is not the one its mnemonic derives: the file was"
                + " altered");
    assertThat(altered.isLocked()).isTrue();
  }

  @Test
  void aFileOfAnotherNetworkIsRefused() {
    create();
    WalletContext test =
        new WalletContext(Network.TEST, 3, TestContexts.CHEAP_KDF, clock, TestContexts.seeded(1));
    assertThatThrownBy(
            () -> Wallet.load(folder.resolve("alice.wallet"), WalletName.of("alice"), test))
        .isInstanceOf(WalletFileException.class)
        .hasMessage(
            "wallet file " + folder.resolve("alice.wallet") + " is for the dev network, not test");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
