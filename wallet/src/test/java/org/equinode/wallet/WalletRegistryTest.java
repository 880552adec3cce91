package org.equinode.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletRegistryTest {
  private final TestClock clock = TestClock.fixed();
  private final WalletContext context = TestContexts.dev(clock);

  @TempDir Path folder;

  private WalletRegistry registry() {
    return new WalletRegistry(folder.resolve("wallets"), context);
  }

  @Test
  void createListOpenUnload() {
    WalletRegistry registry = registry();
    assertThat(registry.list()).isEmpty();
    NewWallet alice = registry.create(WalletName.of("alice"), Passphrase.of("a"));
    assertThat(alice.mnemonic().wordCount()).isEqualTo(24);
    assertThat(alice.wallet().isLocked()).isTrue();
    registry.restore(WalletName.of("bob"), TestSecrets.mnemonic(), "", Passphrase.of("b"));
    assertThat(registry.list()).containsExactly(WalletName.of("alice"), WalletName.of("bob"));
    assertThat(registry.loaded()).containsExactly(WalletName.of("alice"), WalletName.of("bob"));
    assertThat(registry.open(WalletName.of("alice"))).isSameAs(alice.wallet());
    assertThat(Files.exists(folder.resolve("wallets/alice.wallet"))).isTrue();
    assertThat(OwnerOnlyFiles.isSharedWithOthers(folder.resolve("wallets/alice.wallet"))).isFalse();

    assertThat(registry.unload(WalletName.of("alice"))).isTrue();
    assertThat(registry.unload(WalletName.of("alice"))).isFalse();
    assertThat(registry.get(WalletName.of("alice"))).isEmpty();
    assertThat(registry.list()).hasSize(2);

    Wallet again = registry.open(WalletName.of("alice"));
    assertThat(again).isNotSameAs(alice.wallet());
    again.unlock(Passphrase.of("a"), Duration.ofMinutes(1));
    assertThat(again.revealMnemonic(Passphrase.of("a"))).isEqualTo(alice.mnemonic());
  }

  @Test
  void aSecondRegistryOnTheSameFolderSeesTheWalletsAndTheirState() {
    WalletRegistry first = registry();
    Wallet wallet =
        first.restore(WalletName.of("main"), TestSecrets.mnemonic(), "", Passphrase.of("p"));
    LockHash to = new LockHash(wallet.freshAddress(Optional.empty()).address().lockHash());
    TestBlocks.Chain chain = new TestBlocks.Chain();
    wallet.blockConnected(
        0, chain.mine(TestBlocks.STRANGER, TestBlocks.payment("x", new TxOut(Amount.ofEq(2), to))));
    first.flushAll();

    Wallet reopened = registry().open(WalletName.of("main"));
    assertThat(reopened.balance().confirmed()).isEqualTo(Amount.ofEq(2));
    assertThat(reopened.receiveAddresses()).hasSize(1);
  }

  @Test
  void duplicatesMissingWalletsAndBadNamesAreRefused() {
    WalletRegistry registry = registry();
    registry.create(WalletName.of("alice"), Passphrase.of("a"));
    assertThatThrownBy(() -> registry.create(WalletName.of("alice"), Passphrase.of("a")))
        .isInstanceOf(WalletException.class)
        .hasMessage("wallet 'alice' already exists and is loaded");
    registry.unload(WalletName.of("alice"));
    assertThatThrownBy(() -> registry.create(WalletName.of("alice"), Passphrase.of("a")))
        .isInstanceOf(WalletException.class)
        .hasMessage(
            "wallet 'alice' already exists at "
                + folder.resolve("wallets").resolve("alice.wallet"));
    assertThatThrownBy(() -> registry.open(WalletName.of("carol")))
        .isInstanceOf(WalletFileException.class)
        .hasMessage("no wallet named 'carol' in " + folder.resolve("wallets"));

    for (String bad :
        new String[] {"", "Alice", "../x", "a.b", "-x", "con", "a/b", "x".repeat(65)}) {
      assertThatThrownBy(() -> WalletName.of(bad)).as(bad).isInstanceOf(WalletException.class);
    }
    assertThat(WalletName.of("my_wallet-2").fileName()).isEqualTo("my_wallet-2.wallet");
  }

  @Test
  void listingSkipsFilesThatAreNotWallets() throws IOException {
    WalletRegistry registry = registry();
    registry.create(WalletName.of("real"), Passphrase.of("a"));
    Path wallets = folder.resolve("wallets");
    Files.writeString(wallets.resolve("Not A Name.wallet"), "x");
    Files.writeString(wallets.resolve("notes.txt"), "x");
    Files.createFile(
        wallets.resolve("junk.wallet"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    assertThat(registry.list()).containsExactly(WalletName.of("junk"), WalletName.of("real"));
    assertThatThrownBy(() -> registry.open(WalletName.of("junk")))
        .isInstanceOf(WalletFileException.class)
        .hasMessageContaining("is truncated");
  }
}
