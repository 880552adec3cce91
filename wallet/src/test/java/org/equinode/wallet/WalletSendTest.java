package org.equinode.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.testing.TestClock;
import org.equinode.wallet.ledger.Balance;
import org.equinode.wallet.spend.BuiltTx;
import org.equinode.wallet.spend.FeeRate;
import org.equinode.wallet.spend.Payment;
import org.equinode.wallet.spend.TxBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletSendTest {
  private static final Passphrase PASSPHRASE = Passphrase.of("pw");
  private static final LockHash SHOP = TestBlocks.STRANGER;

  private final TestClock clock = TestClock.fixed();
  private final WalletContext context = TestContexts.dev(clock);
  private final TestBlocks.Chain chain = new TestBlocks.Chain();
  private Wallet wallet;

  @TempDir Path folder;

  @BeforeEach
  void create() {
    wallet =
        Wallet.create(
            folder.resolve("w.wallet"),
            WalletName.of("w"),
            context,
            TestSecrets.secrets(),
            PASSPHRASE);
  }

  private LockHash fresh() {
    return new LockHash(wallet.freshAddress(Optional.empty()).address().lockHash());
  }

  private void mine(LockHash miner, Tx... txs) {
    wallet.blockConnected(chain.height() + 1, chain.mine(miner, txs));
  }

  /** Two mature coinbases of 50 EQ and a payment of 3 EQ. */
  private void fund() {
    mine(fresh());
    mine(fresh(), TestBlocks.payment("in", new TxOut(Amount.ofEq(3), fresh())));
    for (int i = 0; i < TestContexts.MATURITY; i++) {
      mine(SHOP);
    }
    assertThat(wallet.balance().confirmed()).isEqualTo(Amount.ofEq(103));
  }

  private int nextHeight() {
    return chain.height() + 1;
  }

  @Test
  void aPaymentIsSignedChecksAndPaysExactlyItsRate() {
    fund();
    wallet.unlock(PASSPHRASE, Duration.ofMinutes(5));
    int usedBefore = wallet.receiveAddresses().size();
    FeeRate rate = FeeRate.ofUnitsPerByte(10);
    BuiltTx built = wallet.send(List.of(new Payment(SHOP, Amount.ofEq(60))), rate);
    Tx tx = built.tx();

    NodeCheck.accepts(tx, built.spent(), nextHeight());
    assertThat(built.fee()).isEqualTo(rate.fee(tx.size()));
    long in = built.spent().stream().mapToLong(o -> o.amount().units()).sum();
    assertThat(in).isEqualTo(tx.body().outputTotal().units() + built.fee().units());
    assertThat(tx.body().outputs()).contains(new TxOut(Amount.ofEq(60), SHOP));
    assertThat(tx.body().outputs()).hasSize(2);
    assertThat(tx.body().lockTime()).isEqualTo(chain.height());
    // The change went to the next fresh address.
    assertThat(wallet.receiveAddresses()).hasSize(usedBefore + 1);
    LockHash change = new LockHash(wallet.receiveAddresses().get(usedBefore).address().lockHash());
    assertThat(tx.body().outputs().stream().filter(o -> o.lockHash().equals(change))).hasSize(1);

    wallet.txAdded(tx);
    Balance balance = wallet.balance();
    long changeUnits = in - Amount.ofEq(60).units() - built.fee().units();
    assertThat(balance.pending()).isEqualTo(Amount.ofUnits(changeUnits));
    assertThat(balance.confirmed().units()).isEqualTo(Amount.ofEq(103).units() - in);
    mine(SHOP, tx);
    assertThat(wallet.balance().confirmed().units())
        .isEqualTo(Amount.ofEq(103).units() - Amount.ofEq(60).units() - built.fee().units());
    assertThat(wallet.history().stream().filter(h -> h.txId().equals(tx.txId())).findFirst())
        .hasValueSatisfying(entry -> assertThat(entry.fee()).contains(built.fee()));
  }

  @Test
  void anExactMatchNeedsNoChange() {
    mine(SHOP, TestBlocks.payment("a", new TxOut(Amount.ofEq(5), fresh())));
    mine(SHOP, TestBlocks.payment("b", new TxOut(Amount.ofEq(9), fresh())));
    wallet.unlock(PASSPHRASE, Duration.ofMinutes(5));
    // One SIG input and one output: 4 + 1 + 134 + 1 + 40 + 4 = 184 bytes.
    FeeRate rate = FeeRate.ofUnitsPerByte(2);
    Amount exact = Amount.ofUnits(Amount.ofEq(5).units() - 2 * 184);
    BuiltTx built = wallet.send(List.of(new Payment(SHOP, exact)), rate);
    assertThat(built.tx().body().outputs()).containsExactly(new TxOut(exact, SHOP));
    assertThat(built.tx().size()).isEqualTo(184);
    assertThat(built.fee()).isEqualTo(Amount.ofUnits(368));
    NodeCheck.accepts(built.tx(), built.spent(), nextHeight());
  }

  @Test
  void manyPaymentsAndManyCoins() {
    for (int i = 0; i < 12; i++) {
      mine(SHOP, TestBlocks.payment("coin " + i, new TxOut(Amount.ofEq(1 + i), fresh())));
    }
    wallet.unlock(PASSPHRASE, Duration.ofMinutes(5));
    List<Payment> payments =
        List.of(
            new Payment(SHOP, Amount.ofEq(40)),
            new Payment(TestBlocks.STRANGER, Amount.parse("12.5")),
            new Payment(fresh(), Amount.ofEq(7)));
    BuiltTx built = wallet.send(payments, FeeRate.ofUnitsPerByte(25));
    NodeCheck.accepts(built.tx(), built.spent(), nextHeight());
    assertThat(built.fee().units()).isGreaterThanOrEqualTo(25L * built.tx().size());
    assertThat(built.fee().units()).isLessThan(25L * built.tx().size() + 25L * 174 + 1_000);
  }

  @Test
  void insufficientFundsSayHowMuch() {
    fund();
    mine(fresh()); // an immature coinbase
    wallet.txAdded(TestBlocks.payment("pending", new TxOut(Amount.ofEq(2), fresh())));
    wallet.unlock(PASSPHRASE, Duration.ofMinutes(5));
    assertThatThrownBy(
            () ->
                wallet.send(
                    List.of(new Payment(SHOP, Amount.ofEq(103))), FeeRate.ofUnitsPerByte(1)))
        .isInstanceOf(InsufficientFundsException.class)
        .hasMessage(
            "insufficient funds: paying 103 EQ needs 103.00000452 EQ with the fee, but the"
                + " spendable coins hold 103 EQ (2 EQ pending, 50 EQ immature)")
        .satisfies(
            e -> {
              InsufficientFundsException funds = (InsufficientFundsException) e;
              assertThat(funds.needed()).isEqualTo(Amount.parse("103.00000452"));
              assertThat(funds.available()).isEqualTo(Amount.ofEq(103));
            });
  }

  @Test
  void dustAndLockedWalletsAreRefused() {
    fund();
    assertThatThrownBy(
            () ->
                wallet.send(List.of(new Payment(SHOP, Amount.ofEq(1))), FeeRate.ofUnitsPerByte(1)))
        .isInstanceOf(WalletLockedException.class)
        .hasMessage("wallet 'w' is locked: unlock it to sign a payment");
    wallet.unlock(PASSPHRASE, Duration.ofMinutes(5));
    assertThatThrownBy(
            () ->
                wallet.send(
                    List.of(new Payment(SHOP, Amount.ofUnits(999))), FeeRate.ofUnitsPerByte(1)))
        .isInstanceOf(WalletException.class)
        .hasMessage("a payment of 0.00000999 EQ is below the dust threshold of 0.00001 EQ");
    assertThat(TxBuilder.DUST_THRESHOLD).isEqualTo(Amount.ofUnits(1_000));
  }

  @Test
  void changeBelowDustGoesToTheFee() {
    mine(SHOP, TestBlocks.payment("a", new TxOut(Amount.ofEq(1), fresh())));
    wallet.unlock(PASSPHRASE, Duration.ofMinutes(5));
    // 500 units more than an exact payment: too little for a change output.
    Amount amount = Amount.ofUnits(Amount.ofEq(1).units() - 184 - 500);
    BuiltTx built = wallet.send(List.of(new Payment(SHOP, amount)), FeeRate.ofUnitsPerByte(1));
    assertThat(built.tx().body().outputs()).hasSize(1);
    assertThat(built.fee()).isEqualTo(Amount.ofUnits(684));
    NodeCheck.accepts(built.tx(), built.spent(), nextHeight());
  }
}
