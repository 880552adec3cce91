package org.equinode.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.equinode.chain.LockHash;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.wallet.keys.WalletSecrets;
import org.equinode.wallet.keys.WatchedLock;
import org.equinode.wallet.ledger.Balance;
import org.equinode.wallet.ledger.CoinKind;
import org.equinode.wallet.ledger.WalletCoin;
import org.equinode.wallet.spend.BuiltTx;
import org.equinode.wallet.spend.FeeRate;
import org.equinode.wallet.spend.PartialSignature;
import org.equinode.wallet.spend.Payment;
import org.equinode.wallet.spend.Satisfier;
import org.equinode.wallet.spend.SpendableInput;
import org.equinode.wallet.spend.TxBuilder;
import org.equinode.wallet.spend.UnsignedTx;
import org.equinode.wallet.spend.WitnessPlan;

/**
 * The wallet's spending, on its state and unlocked secrets: what {@link Wallet} calls while holding
 * its monitor. Transactions are built for the block after the wallet's tip.
 */
final class Spending {
  private final WalletState state;
  private final WalletContext context;

  Spending(WalletState state, WalletContext context) {
    this.state = state;
    this.context = context;
  }

  private int nextHeight() {
    return state.ledger.tip().map(tip -> tip.height() + 1).orElse(0);
  }

  private TxBuilder builder(FeeRate rate) {
    return new TxBuilder(rate, nextHeight(), context.random());
  }

  /** Pays {@code payments} from confirmed receive coins, change to the next fresh key. */
  BuiltTx send(WalletSecrets secrets, List<Payment> payments, FeeRate rate) {
    WalletKeyRing ring = new WalletKeyRing(secrets, state.keys, state.hashes);
    List<SpendableInput> candidates = new ArrayList<>();
    for (WalletCoin coin : state.ledger.spendable(CoinKind.RECEIVE)) {
      Lock lock = state.keys.lock(state.keys.indexOf(coin.lockHash()).orElseThrow());
      plan(ring, lock, coin).ifPresent(plan -> candidates.add(input(coin, lock, plan)));
    }
    state.keys.extend(secrets);
    LockHash change = state.keys.lock(state.keys.used()).hash();
    UnsignedTx unsigned;
    try {
      unsigned = builder(rate).pay(payments, candidates, change);
    } catch (InsufficientFundsException e) {
      Balance balance = state.ledger.balance();
      throw new InsufficientFundsException(
          e.getMessage()
              + " ("
              + balance.pending()
              + " pending, "
              + balance.immature()
              + " immature)",
          e.needed(),
          e.available());
    }
    Tx tx = unsigned.sign(ring);
    if (tx.body().outputs().stream().anyMatch(out -> out.lockHash().equals(change))) {
      state.keys.issue(Optional.empty());
    }
    return new BuiltTx(tx, unsigned.fee(), unsigned.spent());
  }

  /**
   * Plans spending a contract coin to {@code to} (or a fresh key of the wallet), counting {@code
   * cosigners}' keys as signable.
   */
  UnsignedTx draftContractSpend(
      WalletSecrets secrets,
      OutPoint outPoint,
      Optional<LockHash> to,
      FeeRate rate,
      Set<Ed25519PublicKey> cosigners) {
    WalletCoin coin =
        state
            .ledger
            .coin(outPoint)
            .filter(c -> c.kind() == CoinKind.CONTRACT && c.spentBy().isEmpty())
            .filter(c -> c.height().isPresent())
            .orElseThrow(
                () ->
                    new WalletException(
                        "no confirmed, unspent contract coin of this wallet at " + outPoint));
    WatchedLock watched = state.watched.get(coin.lockHash()).orElseThrow();
    WalletKeyRing ring =
        new WalletKeyRing(secrets, state.keys, state.hashes).planningWith(cosigners);
    WitnessPlan plan =
        plan(ring, watched.lock(), coin)
            .orElseThrow(
                () ->
                    new WalletException(
                        "the wallet cannot satisfy the lock of "
                            + outPoint
                            + " for block "
                            + nextHeight()
                            + " (it needs another signature, a preimage it does not know, or a"
                            + " later block)"));
    LockHash destination = to.orElseGet(() -> freshReceiveLock(secrets));
    return builder(rate).sweep(List.of(input(coin, watched.lock(), plan)), destination);
  }

  /** This wallet's signatures for the keys a draft needs. */
  List<PartialSignature> cosign(WalletSecrets secrets, UnsignedTx draft) {
    return draft.signatures(new WalletKeyRing(secrets, state.keys, state.hashes));
  }

  /** Signs a draft with the wallet's keys and the cosigners' signatures. */
  BuiltTx complete(WalletSecrets secrets, UnsignedTx draft, List<PartialSignature> cosigned) {
    Tx tx = draft.sign(new WalletKeyRing(secrets, state.keys, state.hashes), cosigned);
    return new BuiltTx(tx, draft.fee(), draft.spent());
  }

  private LockHash freshReceiveLock(WalletSecrets secrets) {
    state.keys.extend(secrets);
    return state.keys.lock(state.keys.issue(Optional.empty())).hash();
  }

  private Optional<WitnessPlan> plan(WalletKeyRing ring, Lock lock, WalletCoin coin) {
    return new Satisfier(ring, nextHeight(), coin.height()).plan(lock);
  }

  private static SpendableInput input(WalletCoin coin, Lock lock, WitnessPlan plan) {
    return new SpendableInput(
        coin.outPoint(), new TxOut(coin.amount(), coin.lockHash()), lock, plan, coin.height());
  }
}
