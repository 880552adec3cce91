package org.equinode.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.tx.TxOut;
import org.equinode.testing.TestClock;
import org.equinode.wallet.ledger.Balance;
import org.equinode.wallet.ledger.BlockRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletChainTest {
  private static final Passphrase PASSPHRASE = Passphrase.of("pw");

  private final TestClock clock = TestClock.fixed();
  private final WalletContext context = TestContexts.dev(clock);

  @TempDir Path folder;

  private Wallet create(String name) {
    return Wallet.create(
        folder.resolve(name + ".wallet"),
        WalletName.of(name),
        context,
        TestSecrets.secrets(),
        PASSPHRASE);
  }

  private static LockHash key(int index) {
    return new Lock.Sig(TestSecrets.secrets().receiveKey(index).publicKey()).hash();
  }

  /** Payments to keys 0, 15 and 30: the last is beyond the first window of 20. */
  private static TestBlocks.Chain restoreChain() {
    TestBlocks.Chain chain = new TestBlocks.Chain();
    chain.mine(TestBlocks.STRANGER, TestBlocks.payment("a", new TxOut(Amount.ofEq(1), key(0))));
    chain.mine(TestBlocks.STRANGER, TestBlocks.payment("b", new TxOut(Amount.ofEq(2), key(15))));
    chain.mine(TestBlocks.STRANGER, TestBlocks.payment("c", new TxOut(Amount.ofEq(4), key(30))));
    return chain;
  }

  private static void feed(Wallet wallet, TestBlocks.Chain chain) {
    for (int height = 0; height <= chain.height(); height++) {
      wallet.blockConnected(height, chain.at(height));
    }
  }

  @Test
  void anUnlockedRestoreFollowsPaymentsBeyondTheFirstWindow() {
    Wallet wallet = create("restored");
    wallet.unlock(PASSPHRASE, Duration.ofHours(1));
    feed(wallet, restoreChain());
    assertThat(wallet.balance().confirmed()).isEqualTo(Amount.ofEq(7));
    assertThat(wallet.receiveAddresses()).hasSize(31);
    assertThat(wallet.freshAddress(Optional.empty()).index()).isEqualTo(31);
  }

  @Test
  void aLockedWalletSeesOnlyItsDerivedWindow() {
    Wallet wallet = create("locked");
    feed(wallet, restoreChain());
    assertThat(wallet.balance().confirmed()).isEqualTo(Amount.ofEq(3));
    assertThat(wallet.receiveAddresses()).hasSize(16);
  }

  @Test
  void theLedgerSurvivesAReload() {
    Wallet wallet = create("saved");
    TestBlocks.Chain chain = restoreChain();
    feed(wallet, chain);
    wallet.txAdded(TestBlocks.payment("d", new TxOut(Amount.ofEq(8), key(1))));
    assertThat(wallet.hasUnsavedChanges()).isTrue();
    wallet.flush();
    assertThat(wallet.hasUnsavedChanges()).isFalse();

    Wallet again = Wallet.load(wallet.path(), wallet.name(), context);
    assertThat(again.balance())
        .isEqualTo(new Balance(Amount.ofEq(3), Amount.ofEq(8), Amount.ZERO, Amount.ZERO));
    assertThat(again.tip()).contains(new BlockRef(2, chain.at(2).hash()));
    assertThat(again.history()).isEqualTo(wallet.history());
    assertThat(again.history().get(2).time()).isEqualTo(clock.now().getEpochSecond());
  }
}
