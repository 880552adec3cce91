package org.equinode.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.testing.TestClock;
import org.equinode.wallet.NewWallet;
import org.equinode.wallet.ReceiveAddress;
import org.equinode.wallet.Wallet;
import org.equinode.wallet.WalletException;
import org.equinode.wallet.WalletName;
import org.equinode.wallet.keys.KeyChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Ledger#rescanWallet} scans a wallet again with every key it has derived: the oracle of
 * {@link WalletCrashSafetyTest}, which a restore of the words alone (gap limit 20) is not.
 */
class WalletRescanTest {
  private static final WalletName RESTORED = WalletName.of("restored");
  private static final int HANDED_OUT = KeyChain.GAP_LIMIT + 11;

  @TempDir Path folder;

  @Test
  void aRescanWithTheHandedOutKeysFindsACoinBeyondTheGapLimit() {
    TestClock clock = TestClock.at(CrashFixture.NOW);
    try (CrashFixture.Opened opened = CrashFixture.open(folder.resolve("dev"), clock)) {
      Ledger ledger = opened.ledger();
      NewWallet created = ledger.createWallet(CrashFixture.ALICE, CrashFixture.passphrase(), true);
      Wallet alice = created.wallet();
      ReceiveAddress last = alice.freshAddress(Optional.empty());
      for (int i = 1; i < HANDED_OUT; i++) {
        last = alice.freshAddress(Optional.empty());
      }
      ledger.generate(2, new LockHash(last.address().lockHash()), () -> false);
      Amount mined = alice.balance().immature();
      assertThat(mined).isNotEqualTo(Amount.ZERO);

      Wallet restored =
          ledger.restoreWallet(RESTORED, created.mnemonic(), "", CrashFixture.passphrase(), 0);
      assertThat(restored.balance().immature()).isEqualTo(Amount.ZERO);

      restored.unlock(CrashFixture.passphrase(), Duration.ofMinutes(1));
      while (restored.receiveAddresses().size() < HANDED_OUT) {
        restored.freshAddress(Optional.empty());
      }
      ledger.rescanWallet(restored, 0);

      assertThat(restored.balance().immature()).isEqualTo(mined);
      assertThat(restored.coins()).isEqualTo(alice.coins());
      assertThatThrownBy(() -> ledger.rescanWallet(restored, ledger.chain().tip().height() + 1))
          .isInstanceOf(WalletException.class)
          .hasMessageContaining("a rescan starts at a height from 0 to the tip");
    }
  }
}
