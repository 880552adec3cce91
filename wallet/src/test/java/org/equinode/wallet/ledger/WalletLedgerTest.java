package org.equinode.wallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;
import org.equinode.chain.tx.TxSigner;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.testing.Mutations;
import org.equinode.wallet.TestBlocks;
import org.equinode.wallet.TestSecrets;
import org.equinode.wallet.WalletException;
import org.junit.jupiter.api.Test;

class WalletLedgerTest {
  private static final int MATURITY = 3;
  private static final Ed25519PrivateKey KEY_A = TestSecrets.secrets().receiveKey(0);
  private static final Ed25519PrivateKey KEY_B = TestSecrets.secrets().receiveKey(1);
  private static final LockHash A = new Lock.Sig(KEY_A.publicKey()).hash();
  private static final LockHash B = new Lock.Sig(KEY_B.publicKey()).hash();
  private static final LockHash ESCROW =
      Lock.Multi.sorted(
              2, List.of(KEY_A.publicKey(), TestSecrets.other().receiveKey(0).publicKey()))
          .hash();
  private static final LockHash STRANGER = TestBlocks.STRANGER;

  /** Owns A and B as receive keys and ESCROW as a contract; records what it was told it saw. */
  private static final class StubOwnership implements Ownership {
    final Map<LockHash, CoinKind> owned = new HashMap<>();
    final List<LockHash> seen = new ArrayList<>();

    StubOwnership() {
      owned.put(A, CoinKind.RECEIVE);
      owned.put(B, CoinKind.RECEIVE);
      owned.put(ESCROW, CoinKind.CONTRACT);
    }

    @Override
    public Optional<CoinKind> owner(LockHash lockHash) {
      return Optional.ofNullable(owned.get(lockHash));
    }

    @Override
    public void seen(LockHash lockHash) {
      seen.add(lockHash);
    }
  }

  private final StubOwnership ownership = new StubOwnership();
  private final WalletLedger ledger = new WalletLedger(ownership, MATURITY);
  private final TestBlocks.Chain chain = new TestBlocks.Chain();

  private void mine(LockHash miner, Tx... txs) {
    Block block = chain.mine(miner, txs);
    ledger.connect(chain.height(), block);
  }

  private static Amount eq(long eq) {
    return Amount.ofEq(eq);
  }

  /** Spends {@code coins} of keys A and B to {@code outputs}. */
  private static Tx spend(List<WalletCoin> coins, TxOut... outputs) {
    TxBody body =
        new TxBody(1, coins.stream().map(WalletCoin::outPoint).toList(), List.of(outputs), 0);
    return TxSigner.signAll(
        body, coins.stream().map(WalletCoin::output).toList(), List.of(KEY_A, KEY_B));
  }

  @Test
  void aCoinbaseMaturesAfterTheMaturityInConfirmations() {
    mine(A);
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(0), eq(0), eq(50), eq(0)));
    assertThat(ledger.spendable(CoinKind.RECEIVE)).isEmpty();
    mine(STRANGER);
    assertThat(ledger.balance().immature()).isEqualTo(eq(50));
    mine(STRANGER);
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(50), eq(0), eq(0), eq(0)));
    WalletCoin coin = ledger.spendable(CoinKind.RECEIVE).get(0);
    assertThat(coin.coinbase()).isTrue();
    assertThat(coin.height()).contains(0);
    assertThat(coin.confirmations(2)).isEqualTo(3);
    assertThat(ownership.seen).containsExactly(A);
  }

  @Test
  void pendingPaymentsCountAsPendingUntilABlockConfirmsThem() {
    mine(STRANGER);
    Tx incoming = TestBlocks.payment("in", new TxOut(eq(7), B), new TxOut(eq(1), STRANGER));
    assertThat(ledger.addPending(incoming, 1000)).isTrue();
    assertThat(ledger.addPending(incoming, 1001)).isFalse();
    assertThat(ledger.addPending(TestBlocks.payment("x", new TxOut(eq(1), STRANGER)), 0)).isFalse();
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(0), eq(7), eq(0), eq(0)));
    HistoryEntry pending = ledger.history().get(0);
    assertThat(pending.height()).isEmpty();
    assertThat(pending.time()).isEqualTo(1000);
    assertThat(pending.netUnits()).isEqualTo(eq(7).units());
    assertThat(pending.fee()).isEmpty();

    mine(STRANGER, incoming);
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(7), eq(0), eq(0), eq(0)));
    HistoryEntry confirmed = ledger.history().get(0);
    assertThat(confirmed.height()).contains(1);
    assertThat(confirmed.confirmations()).isEqualTo(1);
    assertThat(confirmed.time()).isEqualTo(TestBlocks.GENESIS_TIME + 60);
  }

  @Test
  void spendingMovesCoinsAndTheChangeIsPendingUntilConfirmed() {
    mine(STRANGER, TestBlocks.payment("in", new TxOut(eq(10), A)));
    WalletCoin coin = ledger.spendable(CoinKind.RECEIVE).get(0);
    Tx out = spend(List.of(coin), new TxOut(eq(3), STRANGER), new TxOut(eq(6), B));
    assertThat(ledger.addPending(out, 5)).isTrue();
    // The spent coin counts nowhere, the change is pending.
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(0), eq(6), eq(0), eq(0)));
    assertThat(ledger.coin(coin.outPoint()).orElseThrow().spentBy()).contains(out.txId());
    HistoryEntry entry = ledger.history().get(1);
    assertThat(entry.sent()).isEqualTo(eq(10));
    assertThat(entry.received()).isEqualTo(eq(6));
    assertThat(entry.fee()).contains(eq(1));
    assertThat(entry.netUnits()).isEqualTo(-eq(4).units());

    mine(STRANGER, out);
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(6), eq(0), eq(0), eq(0)));
    assertThat(ledger.coin(coin.outPoint())).isEmpty();
    assertThat(ledger.coins()).hasSize(1);
  }

  @Test
  void contractCoinsCountApart() {
    mine(STRANGER, TestBlocks.payment("escrow", new TxOut(eq(4), ESCROW)));
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(0), eq(0), eq(0), eq(4)));
    assertThat(ledger.spendable(CoinKind.RECEIVE)).isEmpty();
    assertThat(ledger.spendable(CoinKind.CONTRACT)).hasSize(1);
  }

  @Test
  void aBlockThatSpendsTheSameCoinDropsTheConflictingPendingSpendAndItsChildren() {
    mine(STRANGER, TestBlocks.payment("in", new TxOut(eq(10), A)));
    WalletCoin coin = ledger.spendable(CoinKind.RECEIVE).get(0);
    Tx first = spend(List.of(coin), new TxOut(eq(9), B));
    ledger.addPending(first, 1);
    WalletCoin change = ledger.coin(new OutPoint(first.txId(), 0)).orElseThrow();
    Tx child = spend(List.of(change), new TxOut(eq(8), A));
    ledger.addPending(child, 2);
    Tx rival = spend(List.of(coin), new TxOut(eq(9), STRANGER));
    mine(STRANGER, rival);
    assertThat(ledger.tx(first.txId())).isEmpty();
    assertThat(ledger.tx(child.txId())).isEmpty();
    assertThat(ledger.balance()).isEqualTo(Balance.ZERO);
    assertThat(ledger.history()).hasSize(2);
  }

  @Test
  void theMempoolDroppingATransactionDropsItsPendingChildren() {
    Tx incoming = TestBlocks.payment("in", new TxOut(eq(10), A));
    mine(STRANGER);
    ledger.addPending(incoming, 1);
    WalletCoin coin = ledger.coin(new OutPoint(incoming.txId(), 0)).orElseThrow();
    Tx child = spend(List.of(coin), new TxOut(eq(9), B));
    ledger.addPending(child, 2);
    assertThat(ledger.removePending(incoming.txId())).isTrue();
    assertThat(ledger.tx(child.txId())).isEmpty();
    assertThat(ledger.removePending(incoming.txId())).isFalse();
    assertThat(ledger.txs()).isEmpty();
  }

  @Test
  void abandoningAPendingSpendFreesItsCoinAndDropsItsChildren() {
    mine(STRANGER, TestBlocks.payment("in", new TxOut(eq(10), A)));
    WalletCoin coin = ledger.spendable(CoinKind.RECEIVE).get(0);
    Tx first = spend(List.of(coin), new TxOut(eq(9), B));
    ledger.addPending(first, 1);
    WalletCoin change = ledger.coin(new OutPoint(first.txId(), 0)).orElseThrow();
    Tx child = spend(List.of(change), new TxOut(eq(8), A));
    ledger.addPending(child, 2);
    assertThat(ledger.pending()).containsExactly(first, child);

    List<HistoryEntry> before = ledger.history();
    ledger.abandon(first.txId());
    assertThat(ledger.pending()).isEmpty();
    assertThat(ledger.spendable(CoinKind.RECEIVE)).containsExactly(coin);
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(10), eq(0), eq(0), eq(0)));
    // Both stay in the history, flagged, with what they did when they were given up.
    assertThat(ledger.history())
        .containsExactly(
            before.get(0),
            abandoned(before.get(1), first.txId()),
            abandoned(before.get(2), child.txId()));
    assertThat(decode(encode(ledger)).history()).isEqualTo(ledger.history());
    assertThatThrownBy(() -> ledger.abandon(first.txId()))
        .isInstanceOf(WalletException.class)
        .hasMessage("transaction " + first.txId() + " is not the wallet's");
    // A later payment is listed after the abandoned ones.
    Tx later = TestBlocks.payment("later", new TxOut(eq(1), B));
    ledger.addPending(later, 3);
    assertThat(ledger.history()).extracting(HistoryEntry::txId).last().isEqualTo(later.txId());
    // Confirmed after all: the block brings it back, no longer abandoned.
    mine(STRANGER, first);
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(9), eq(1), eq(0), eq(0)));
    assertThat(ledger.history())
        .filteredOn(h -> h.txId().equals(first.txId()))
        .singleElement()
        .satisfies(h -> assertThat(h.abandoned()).isFalse())
        .satisfies(h -> assertThat(h.height()).isPresent());
    assertThat(ledger.history())
        .filteredOn(HistoryEntry::abandoned)
        .extracting(HistoryEntry::txId)
        .containsExactly(child.txId());
    assertThatThrownBy(() -> ledger.abandon(first.txId()))
        .isInstanceOf(WalletException.class)
        .hasMessageEndingWith("is confirmed: it cannot be abandoned");
  }

  private static HistoryEntry abandoned(HistoryEntry pending, TxId txId) {
    assertThat(pending.txId()).isEqualTo(txId);
    assertThat(pending.abandoned()).isFalse();
    return new HistoryEntry(
        txId,
        Optional.empty(),
        0,
        pending.time(),
        false,
        pending.received(),
        pending.sent(),
        pending.fee(),
        true);
  }

  @Test
  void aLedgerWrittenBeforeAbandonedTransactionsWereKeptStillReads() {
    mine(STRANGER, TestBlocks.payment("in", new TxOut(eq(10), A)));
    byte[] bytes = encode(ledger);
    // Version 1 of the public section ended after the transactions: no abandoned count.
    byte[] older = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    ByteReader reader = ByteReader.of(older);
    WalletLedger read = WalletLedger.read(reader, new StubOwnership(), MATURITY, false);
    reader.expectEnd("ledger");
    assertThat(read.history()).isEqualTo(ledger.history());
    assertThat(encode(read)).isEqualTo(bytes);
  }

  @Test
  void aReplacementInTheMempoolDropsTheOneItReplaces() {
    mine(STRANGER, TestBlocks.payment("in", new TxOut(eq(10), A)));
    WalletCoin coin = ledger.spendable(CoinKind.RECEIVE).get(0);
    Tx first = spend(List.of(coin), new TxOut(eq(9), STRANGER));
    Tx higherFee = spend(List.of(coin), new TxOut(eq(8), STRANGER));
    ledger.addPending(first, 1);
    ledger.addPending(higherFee, 2);
    assertThat(ledger.tx(first.txId())).isEmpty();
    assertThat(ledger.coin(coin.outPoint()).orElseThrow().spentBy()).contains(higherFee.txId());
    // A transaction spending what a block spent is refused.
    mine(STRANGER, higherFee);
    assertThat(ledger.addPending(first, 3)).isFalse();
  }

  @Test
  void blocksMustExtendTheTip() {
    mine(STRANGER);
    Block second = chain.mine(STRANGER);
    Block third = chain.mine(STRANGER);
    assertThatThrownBy(() -> ledger.connect(2, third))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("does not extend the wallet's tip");
    assertThatThrownBy(() -> ledger.disconnect(1, second))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("is not the wallet's tip");
  }

  @Test
  void connectingThenDisconnectingRestoresTheStateExactly() {
    mine(A);
    mine(STRANGER, TestBlocks.payment("in", new TxOut(eq(10), B)));
    mine(STRANGER);
    byte[] before = encode(ledger);
    List<WalletCoin> coins = ledger.spendable(CoinKind.RECEIVE);
    Tx out = spend(coins, new TxOut(eq(20), STRANGER), new TxOut(eq(39), A));
    Block block = chain.mine(STRANGER, out, TestBlocks.payment("more", new TxOut(eq(2), A)));
    ledger.connect(3, block);
    assertThat(encode(ledger)).isNotEqualTo(before);
    ledger.disconnect(3, block);
    assertThat(encode(ledger)).isEqualTo(before);
    assertThat(ledger.tip()).contains(new BlockRef(2, chain.at(2).hash()));
  }

  @Test
  void aReorganisationEndsWhereAFreshWalletOnTheNewBranchWould() {
    mine(A);
    mine(STRANGER, TestBlocks.payment("in", new TxOut(eq(10), B)));
    mine(STRANGER);
    mine(STRANGER);
    Tx spendCoinbase =
        spend(
            List.of(ledger.coin(new OutPoint(chain.at(0).txs().get(0).txId(), 0)).orElseThrow()),
            new TxOut(eq(30), STRANGER),
            new TxOut(eq(19), A));
    mine(B, spendCoinbase); // height 4
    mine(STRANGER, TestBlocks.payment("old branch", new TxOut(eq(5), A))); // height 5

    TestBlocks.Chain branch = chain.fork(2);
    branch.mine(STRANGER, TestBlocks.payment("new branch", new TxOut(eq(3), A)));
    branch.mine(A);
    branch.mine(STRANGER, TestBlocks.payment("again", new TxOut(eq(1), B)));
    branch.mine(STRANGER);

    for (int height = chain.height(); height >= 2; height--) {
      ledger.disconnect(height, chain.at(height));
    }
    for (int height = 2; height <= branch.height(); height++) {
      ledger.connect(height, branch.at(height));
    }

    WalletLedger fresh = new WalletLedger(new StubOwnership(), MATURITY);
    for (Block block : branch.blocks()) {
      fresh.connect(branch.blocks().indexOf(block), block);
    }
    assertThat(encode(ledger)).isEqualTo(encode(fresh));
    assertThat(ledger.balance()).isEqualTo(fresh.balance());
    assertThat(ledger.history()).isEqualTo(fresh.history());
    // 50 (coinbase 0) + 10 + 3 + 50 (coinbase 3, three blocks deep) + 1.
    assertThat(ledger.balance()).isEqualTo(new Balance(eq(114), eq(0), eq(0), eq(0)));
  }

  @Test
  void roundTripAndMutations() {
    mine(A);
    mine(STRANGER, TestBlocks.payment("in", new TxOut(eq(10), B), new TxOut(eq(3), ESCROW)));
    mine(STRANGER);
    Tx out = spend(ledger.spendable(CoinKind.RECEIVE), new TxOut(eq(59), A));
    ledger.addPending(out, 77);
    ledger.addPending(TestBlocks.payment("later", new TxOut(eq(2), B)), 78);
    Tx given = TestBlocks.payment("given up", new TxOut(eq(4), A));
    ledger.addPending(given, 79);
    ledger.abandon(given.txId());
    byte[] bytes = encode(ledger);
    WalletLedger again = decode(bytes);
    assertThat(encode(again)).isEqualTo(bytes);
    assertThat(again.balance()).isEqualTo(ledger.balance());
    assertThat(again.history()).isEqualTo(ledger.history());
    assertThat(new HashSet<>(again.coins())).isEqualTo(new HashSet<>(ledger.coins()));
    int refused = Mutations.check(bytes, b -> encode(decode(b)), 17, 2000);
    assertThat(refused).isPositive();
  }

  private static byte[] encode(WalletLedger ledger) {
    ByteWriter writer = ByteWriter.unbounded();
    ledger.write(writer);
    return writer.toByteArray();
  }

  private static WalletLedger decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    WalletLedger ledger = WalletLedger.read(reader, new StubOwnership(), MATURITY, true);
    reader.expectEnd("ledger");
    return ledger;
  }
}
