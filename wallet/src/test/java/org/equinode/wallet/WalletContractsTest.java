package org.equinode.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Mnemonic;
import org.equinode.testing.TestClock;
import org.equinode.wallet.keys.HashSecrets;
import org.equinode.wallet.keys.Label;
import org.equinode.wallet.keys.WalletSecrets;
import org.equinode.wallet.ledger.Balance;
import org.equinode.wallet.spend.BuiltTx;
import org.equinode.wallet.spend.FeeRate;
import org.equinode.wallet.spend.PartialSignature;
import org.equinode.wallet.spend.UnsignedTx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletContractsTest {
  private static final Passphrase PASSPHRASE = Passphrase.of("pw");
  private static final FeeRate RATE = FeeRate.ofUnitsPerByte(5);
  private static final LockHash SHOP = TestBlocks.STRANGER;

  private final TestClock clock = TestClock.fixed();
  private final WalletContext context = TestContexts.dev(clock);
  private final TestBlocks.Chain chain = new TestBlocks.Chain();
  private Wallet alice;
  private Wallet bob;

  @TempDir Path folder;

  @BeforeEach
  void create() {
    alice =
        Wallet.create(
            folder.resolve("alice.wallet"),
            WalletName.of("alice"),
            context,
            TestSecrets.secrets(),
            PASSPHRASE);
    bob =
        Wallet.create(
            folder.resolve("bob.wallet"),
            WalletName.of("bob"),
            context,
            TestSecrets.other(),
            PASSPHRASE);
    alice.unlock(PASSPHRASE, Duration.ofHours(1));
    bob.unlock(PASSPHRASE, Duration.ofHours(1));
  }

  private void mine(Tx... txs) {
    Block block = chain.mine(SHOP, txs);
    alice.blockConnected(chain.height(), block);
    bob.blockConnected(chain.height(), block);
  }

  /** Pays {@code eq} EQ to {@code lock} in a new block; returns the coin. */
  private OutPoint fund(Lock lock, long eq) {
    Tx payment =
        TestBlocks.payment("fund " + chain.height(), new TxOut(Amount.ofEq(eq), lock.hash()));
    mine(payment);
    return new OutPoint(payment.txId(), 0);
  }

  private int nextHeight() {
    return chain.height() + 1;
  }

  @Test
  void aTwoOfTwoEscrowIsSpentByBothWallets() {
    mine();
    Ed25519PublicKey bobKey = bob.freshKey(Optional.empty());
    ContractAddress escrow = alice.createEscrow(2, List.of(bobKey), Optional.of(new Label("deal")));
    assertThat(escrow.lock()).isInstanceOf(Lock.Multi.class);
    assertThat(escrow.address().toString()).startsWith("deq1");
    bob.watch(escrow.lock(), Optional.empty());
    OutPoint coin = fund(escrow.lock(), 10);
    assertThat(alice.balance())
        .isEqualTo(new Balance(Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ofEq(10)));

    assertThatThrownBy(() -> alice.spendContract(coin, Optional.of(SHOP), RATE))
        .isInstanceOf(WalletException.class)
        .hasMessageStartingWith("the wallet cannot satisfy the lock of " + coin);

    UnsignedTx draft = alice.draftContractSpend(coin, Optional.of(SHOP), RATE, Set.of(bobKey));
    List<PartialSignature> bobs = bob.cosign(draft);
    assertThat(bobs).hasSize(1);
    BuiltTx built = alice.completeContractSpend(draft, bobs);
    NodeCheck.accepts(built.tx(), built.spent(), nextHeight());
    assertThat(built.fee()).isEqualTo(RATE.fee(built.tx().size()));
    assertThat(built.tx().body().outputs())
        .containsExactly(
            new TxOut(Amount.ofUnits(Amount.ofEq(10).units() - built.fee().units()), SHOP));

    // Without Bob's signature, nothing is produced.
    assertThatThrownBy(() -> alice.completeContractSpend(draft, List.of()))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("needs a signature of key " + bobKey);
    mine(built.tx());
    assertThat(alice.balance()).isEqualTo(Balance.ZERO);
  }

  @Test
  void aTwoOfThreeEscrowWithTwoOwnKeysIsSpentAlone() {
    mine();
    Ed25519PublicKey first = alice.freshKey(Optional.empty());
    Ed25519PublicKey second = alice.freshKey(Optional.empty());
    Ed25519PublicKey arbiter = bob.freshKey(Optional.empty());
    ContractAddress escrow = alice.createEscrow(2, List.of(first, arbiter), Optional.empty());
    assertThat(((Lock.Multi) escrow.lock()).keys()).hasSize(3).contains(first, arbiter);
    OutPoint coin = fund(escrow.lock(), 4);
    BuiltTx built = alice.spendContract(coin, Optional.empty(), RATE);
    NodeCheck.accepts(built.tx(), built.spent(), nextHeight());
    assertThat(second).isNotIn(first, arbiter);
    // Swept to a fresh address of Alice's: pending until mined.
    alice.txAdded(built.tx());
    assertThat(alice.balance().pending()).isEqualTo(built.tx().body().outputTotal());
    assertThat(alice.balance().contracts()).isEqualTo(Amount.ZERO);
  }

  @Test
  void theClaimerOfAHashTimeLockTakesItWithTheSecret() {
    mine();
    Hash32 digest = alice.newSwapSecret();
    Ed25519PublicKey claimer = alice.freshKey(Optional.empty());
    Ed25519PublicKey refunder = bob.freshKey(Optional.empty());
    ContractAddress htlc =
        alice.createHashTimeLock(claimer, digest, refunder, 100, Optional.of(new Label("swap")));
    bob.createHashTimeLock(claimer, digest, refunder, 100, Optional.empty());
    OutPoint coin = fund(htlc.lock(), 2);

    BuiltTx claim = alice.spendContract(coin, Optional.of(SHOP), RATE);
    NodeCheck.accepts(claim.tx(), claim.spent(), nextHeight());
    Witness.Or witness =
        (Witness.Or) ((InputWitness.Spend) claim.tx().witnesses().get(0)).witness();
    assertThat(witness.branch()).isZero();
    Hash32 revealed =
        ((Witness.Preimage) ((Witness.And) witness.child()).children().get(1)).preimage();
    assertThat(HashSecrets.digest(revealed)).isEqualTo(digest);

    // Bob cannot claim (no secret) nor refund (too early).
    assertThatThrownBy(() -> bob.spendContract(coin, Optional.empty(), RATE))
        .isInstanceOf(WalletException.class)
        .hasMessageStartingWith("the wallet cannot satisfy the lock");
    // Once the secret is public, a claimer who learns it can use it too.
    Wallet carol =
        Wallet.create(
            folder.resolve("carol.wallet"),
            WalletName.of("carol"),
            context,
            WalletSecretsForCarol.SECRETS,
            PASSPHRASE);
    assertThat(carol.learnPreimage(revealed)).isEqualTo(digest);
  }

  @Test
  void theRefunderTakesAHashTimeLockBackFromItsHeight() {
    mine();
    Hash32 digest = HashSecrets.digest(Hash32.ZERO);
    Ed25519PublicKey claimer = alice.freshKey(Optional.empty());
    Ed25519PublicKey refunder = bob.freshKey(Optional.empty());
    int refundHeight = chain.height() + 4;
    ContractAddress htlc =
        bob.createHashTimeLock(claimer, digest, refunder, refundHeight, Optional.empty());
    alice.watch(htlc.lock(), Optional.empty());
    OutPoint coin = fund(htlc.lock(), 3);
    assertThatThrownBy(() -> bob.spendContract(coin, Optional.empty(), RATE))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("for block " + nextHeight());
    while (nextHeight() < refundHeight) {
      mine();
    }
    BuiltTx refund = bob.spendContract(coin, Optional.empty(), RATE);
    assertThat(refund.tx().body().lockTime()).isEqualTo(refundHeight);
    NodeCheck.accepts(refund.tx(), refund.spent(), refundHeight);
    // Alice could claim only with the preimage, which she learns here.
    alice.learnPreimage(Hash32.ZERO);
    BuiltTx claim = alice.spendContract(coin, Optional.empty(), RATE);
    NodeCheck.accepts(claim.tx(), claim.spent(), refundHeight);
  }

  @Test
  void aHashTimeLockNeedsOneOfItsKeysToBeOurs() {
    Ed25519PublicKey a = bob.freshKey(Optional.empty());
    Ed25519PublicKey b = bob.freshKey(Optional.empty());
    assertThatThrownBy(() -> alice.createHashTimeLock(a, Hash32.ZERO, b, 10, Optional.empty()))
        .isInstanceOf(WalletException.class)
        .hasMessage("neither the claimer's nor the refunder's key belongs to wallet 'alice'");
  }

  @Test
  void contractsSurviveAReload() {
    Ed25519PublicKey bobKey = bob.freshKey(Optional.empty());
    ContractAddress escrow = alice.createEscrow(2, List.of(bobKey), Optional.of(new Label("x")));
    Hash32 digest = alice.newSwapSecret();
    Wallet again = Wallet.load(alice.path(), alice.name(), context);
    assertThat(again.watchedLocks()).hasSize(1);
    assertThat(again.watchedLocks().get(0).lock()).isEqualTo(escrow.lock());
    assertThat(again.watchedLocks().get(0).label()).contains(new Label("x"));
    again.unlock(PASSPHRASE, Duration.ofMinutes(1));
    assertThat(again.newSwapSecret()).isNotEqualTo(digest);
  }

  /** A third mnemonic for Carol. */
  private static final class WalletSecretsForCarol {
    static final WalletSecrets SECRETS =
        WalletSecrets.of(Mnemonic.fromEntropy(new byte[16]), "carol");
  }
}
