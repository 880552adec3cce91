package org.equinode.wallet.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.equinode.wallet.WalletException;
import org.jspecify.annotations.Nullable;

/**
 * The wallet's view of the chain and the mempool: the transactions that concern it, the outputs it
 * owns, and which of its transactions spends what. Everything else (coins, balances, history) is
 * computed from these on demand.
 *
 * <p>Exact rollback by construction: connecting a block adds its transactions (or confirms them if
 * they were pending), disconnecting it removes exactly those, so connecting and then disconnecting
 * a block leaves the confirmed state as it was. Pending transactions mirror the node's mempool, as
 * the {@link WalletLedgerListener} contract describes.
 *
 * <p>Not thread-safe: the wallet guards it.
 */
public final class WalletLedger {
  /** The most transactions one wallet keeps. */
  public static final int MAX_TXS = 1_000_000;

  private final Ownership ownership;
  private final int maturity;
  private final Map<TxId, Entry> txs = new HashMap<>();
  private final Map<OutPoint, Owned> outputs = new HashMap<>();
  private final Map<OutPoint, TxId> spenders = new HashMap<>();

  /**
   * Transactions given up by {@link #abandon}, in the order given up, as the history shows them; at
   * most {@link #MAX_TXS}, the oldest dropped first. One that a block or the mempool brings back
   * leaves this list.
   */
  private final LinkedHashMap<TxId, HistoryEntry> abandoned = new LinkedHashMap<>();

  private @Nullable BlockRef tip;
  private long sequence;

  /** A transaction and the order in which the wallet learned of it (orders pending ones). */
  record Entry(WalletTx wtx, long sequence) {
    static final Comparator<Entry> ORDER =
        Comparator.comparing((Entry e) -> !e.wtx.isConfirmed())
            .thenComparingInt(e -> e.wtx.block().map(WalletTx.Position::height).orElse(0))
            .thenComparingInt(e -> e.wtx.block().map(WalletTx.Position::index).orElse(0))
            .thenComparingLong(Entry::sequence);
  }

  /** An output the wallet owns. */
  private record Owned(TxOut output, CoinKind kind) {}

  /**
   * An empty ledger.
   *
   * @param ownership which outputs are the wallet's
   * @param maturity confirmations a coinbase output needs before it is spent
   */
  public WalletLedger(Ownership ownership, int maturity) {
    this.ownership = ownership;
    this.maturity = maturity;
  }

  /** The last block connected, empty before the first. */
  public Optional<BlockRef> tip() {
    return Optional.ofNullable(tip);
  }

  private int tipHeight() {
    return tip == null ? -1 : tip.height();
  }

  // ---------------------------------------------------------------- changes

  /**
   * Applies a block that became the tip.
   *
   * @throws WalletException if it does not extend the current tip
   */
  public void connect(int height, Block block) {
    BlockRef current = tip;
    if (current != null
        && (height != current.height() + 1 || !block.header().previous().equals(current.hash()))) {
      throw new WalletException(
          "block "
              + block.hash()
              + " at height "
              + height
              + " does not extend the wallet's tip "
              + current.hash()
              + " at height "
              + current.height());
    }
    List<Tx> list = block.txs();
    long time = block.header().time();
    for (int i = 0; i < list.size(); i++) {
      Tx tx = list.get(i);
      Optional<WalletTx.Position> position =
          Optional.of(new WalletTx.Position(height, block.hash(), i));
      Entry known = txs.get(tx.txId());
      if (known != null) {
        txs.put(tx.txId(), new Entry(new WalletTx(tx, position, time), known.sequence));
        continue;
      }
      removeConflicts(tx);
      if (isRelevant(tx)) {
        add(tx, position, time, true);
      }
    }
    tip = new BlockRef(height, block.hash());
  }

  /**
   * Removes the tip block: forgets the transactions it confirmed. Pending transactions stay; the
   * node reports which of the block's transactions its mempool takes back.
   *
   * @throws WalletException if {@code block} is not the tip
   */
  public void disconnect(int height, Block block) {
    BlockRef current = tip;
    if (current == null || current.height() != height || !current.hash().equals(block.hash())) {
      throw new WalletException(
          "block "
              + block.hash()
              + " at height "
              + height
              + " is not the wallet's tip"
              + (current == null
                  ? ""
                  : " (" + current.hash() + " at height " + current.height() + ")"));
    }
    List<Tx> list = block.txs();
    for (int i = list.size() - 1; i >= 0; i--) {
      Entry entry = txs.get(list.get(i).txId());
      if (entry != null
          && entry.wtx.block().map(p -> p.hash().equals(block.hash())).orElse(false)) {
        remove(list.get(i).txId());
      }
    }
    tip = height == 0 ? null : new BlockRef(height - 1, block.header().previous());
  }

  /**
   * Takes a transaction the mempool accepted, if it concerns the wallet. Pending transactions it
   * conflicts with are dropped (the mempool replaced them).
   *
   * @param now when it was seen, in Unix seconds
   * @return true if the wallet now holds it as pending
   */
  public boolean addPending(Tx tx, long now) {
    if (tx.isCoinbase() || txs.containsKey(tx.txId()) || !isRelevant(tx)) {
      return false;
    }
    for (OutPoint input : tx.body().inputs()) {
      TxId other = spenders.get(input);
      if (other != null && known(other).wtx.isConfirmed()) {
        return false; // spends what a block spent: the mempool cannot hold it
      }
    }
    removeConflicts(tx);
    add(tx, Optional.empty(), now, true);
    return true;
  }

  /**
   * Drops a pending transaction the mempool dropped, with the pending transactions that spend its
   * outputs.
   *
   * @return true if it was pending in the wallet
   */
  public boolean removePending(TxId txId) {
    Entry entry = txs.get(txId);
    if (entry == null || entry.wtx.isConfirmed()) {
      return false;
    }
    removeWithPendingDescendants(txId);
    return true;
  }

  /**
   * Forgets a pending transaction that will not confirm (the mempool refuses it, or the user gave
   * up on it), with the pending transactions that spend its outputs: the coins they spent are
   * spendable again. Should it confirm after all, the block brings it back.
   *
   * @throws WalletException if the wallet does not hold {@code txId} as pending
   */
  public void abandon(TxId txId) {
    Entry entry = txs.get(txId);
    if (entry == null) {
      throw new WalletException("transaction " + txId + " is not the wallet's");
    }
    if (entry.wtx.isConfirmed()) {
      throw new WalletException("transaction " + txId + " is confirmed: it cannot be abandoned");
    }
    List<HistoryEntry> pendingBefore =
        history().stream().filter(h -> h.height().isEmpty() && !h.abandoned()).toList();
    removeWithPendingDescendants(txId);
    for (HistoryEntry gone : pendingBefore) {
      if (!txs.containsKey(gone.txId())) {
        remember(gone.asAbandoned());
      }
    }
  }

  private void remember(HistoryEntry entry) {
    abandoned.put(entry.txId(), entry);
    if (abandoned.size() > MAX_TXS) {
      Iterator<TxId> oldest = abandoned.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** The pending transactions, parents before children (the order the wallet learned of them). */
  public List<Tx> pending() {
    return sortedEntries().stream().filter(e -> !e.wtx.isConfirmed()).map(e -> e.wtx.tx()).toList();
  }

  /** A transaction the indexes refer to, which must be there. */
  private Entry known(TxId txId) {
    Entry entry = txs.get(txId);
    if (entry == null) {
      throw new IllegalStateException(
          "the wallet's indexes refer to a missing transaction " + txId);
    }
    return entry;
  }

  private boolean isRelevant(Tx tx) {
    for (TxOut output : tx.body().outputs()) {
      if (ownership.owner(output.lockHash()).isPresent()) {
        return true;
      }
    }
    if (!tx.isCoinbase()) {
      for (OutPoint input : tx.body().inputs()) {
        if (outputs.containsKey(input)) {
          return true;
        }
      }
    }
    return false;
  }

  private void removeConflicts(Tx tx) {
    if (tx.isCoinbase()) {
      return;
    }
    for (OutPoint input : tx.body().inputs()) {
      TxId other = spenders.get(input);
      if (other != null && !other.equals(tx.txId()) && !known(other).wtx.isConfirmed()) {
        removeWithPendingDescendants(other);
      }
    }
  }

  private void add(Tx tx, Optional<WalletTx.Position> position, long time, boolean notify) {
    TxId txId = tx.txId();
    abandoned.remove(txId);
    if (!tx.isCoinbase()) {
      for (OutPoint input : tx.body().inputs()) {
        spenders.put(input, txId);
      }
    }
    List<TxOut> outs = tx.body().outputs();
    for (int i = 0; i < outs.size(); i++) {
      TxOut output = outs.get(i);
      Optional<CoinKind> kind = ownership.owner(output.lockHash());
      if (kind.isPresent()) {
        outputs.put(new OutPoint(txId, i), new Owned(output, kind.get()));
        if (notify) {
          ownership.seen(output.lockHash());
        }
      }
    }
    txs.put(txId, new Entry(new WalletTx(tx, position, time), sequence++));
  }

  private void remove(TxId txId) {
    Entry entry = txs.remove(txId);
    if (entry == null) {
      return;
    }
    Tx tx = entry.wtx.tx();
    if (!tx.isCoinbase()) {
      for (OutPoint input : tx.body().inputs()) {
        spenders.remove(input, txId);
      }
    }
    for (int i = 0; i < tx.body().outputs().size(); i++) {
      outputs.remove(new OutPoint(txId, i));
    }
  }

  private void removeWithPendingDescendants(TxId txId) {
    Entry entry = txs.get(txId);
    if (entry == null || entry.wtx.isConfirmed()) {
      return;
    }
    int count = entry.wtx.tx().body().outputs().size();
    remove(txId);
    for (int i = 0; i < count; i++) {
      TxId child = spenders.get(new OutPoint(txId, i));
      if (child != null) {
        removeWithPendingDescendants(child);
      }
    }
  }

  // ---------------------------------------------------------------- views

  /** The transaction {@code txId}, if it concerns the wallet. */
  public Optional<WalletTx> tx(TxId txId) {
    return Optional.ofNullable(txs.get(txId)).map(Entry::wtx);
  }

  /** The transactions in order: confirmed ones by block and position, then pending ones. */
  public List<WalletTx> txs() {
    return sortedEntries().stream().map(Entry::wtx).toList();
  }

  List<Entry> sortedEntries() {
    List<Entry> sorted = new ArrayList<>(txs.values());
    sorted.sort(Entry.ORDER);
    return sorted;
  }

  /**
   * The wallet's outputs that no block has spent: unspent ones and those a pending transaction
   * spends, in no particular order.
   */
  public List<WalletCoin> coins() {
    List<WalletCoin> out = new ArrayList<>();
    outputs.forEach(
        (outPoint, owned) -> {
          TxId spender = spenders.get(outPoint);
          if (spender != null && known(spender).wtx.isConfirmed()) {
            return;
          }
          WalletTx creator = known(outPoint.txId()).wtx;
          out.add(
              new WalletCoin(
                  outPoint,
                  owned.output,
                  owned.kind,
                  creator.block().map(WalletTx.Position::height),
                  creator.tx().isCoinbase(),
                  Optional.ofNullable(spender)));
        });
    return out;
  }

  /** The unspent coins of {@code kind} that a transaction in the next block may spend. */
  public List<WalletCoin> spendable(CoinKind kind) {
    int height = tipHeight();
    return coins().stream()
        .filter(c -> c.kind() == kind && c.spentBy().isEmpty() && c.isMature(height, maturity))
        .toList();
  }

  /** The coin at {@code outPoint}, if the wallet owns it and no block spent it. */
  public Optional<WalletCoin> coin(OutPoint outPoint) {
    return coins().stream().filter(c -> c.outPoint().equals(outPoint)).findFirst();
  }

  public Balance balance() {
    int height = tipHeight();
    long confirmed = 0;
    long pending = 0;
    long immature = 0;
    long contracts = 0;
    for (WalletCoin coin : coins()) {
      long units = coin.amount().units();
      if (coin.spentBy().isPresent()) {
        continue;
      }
      if (coin.kind() == CoinKind.CONTRACT) {
        contracts += units;
      } else if (coin.height().isEmpty()) {
        pending += units;
      } else if (!coin.isMature(height, maturity)) {
        immature += units;
      } else {
        confirmed += units;
      }
    }
    return new Balance(
        Amount.ofUnits(confirmed),
        Amount.ofUnits(pending),
        Amount.ofUnits(immature),
        Amount.ofUnits(contracts));
  }

  /**
   * Every transaction with what it did to the wallet: confirmed ones oldest first, then abandoned
   * ones in the order given up, then pending ones in the order seen.
   */
  public List<HistoryEntry> history() {
    int height = tipHeight();
    List<HistoryEntry> out = new ArrayList<>(txs.size() + abandoned.size());
    boolean abandonedListed = false;
    for (Entry entry : sortedEntries()) {
      WalletTx wtx = entry.wtx;
      if (!wtx.isConfirmed() && !abandonedListed) {
        out.addAll(abandoned.values());
        abandonedListed = true;
      }
      Tx tx = wtx.tx();
      Amount received = Amount.ZERO;
      for (int i = 0; i < tx.body().outputs().size(); i++) {
        Owned owned = outputs.get(new OutPoint(tx.txId(), i));
        if (owned != null) {
          received = received.add(owned.output.amount());
        }
      }
      Amount sent = Amount.ZERO;
      boolean allInputsKnown = !tx.isCoinbase();
      if (!tx.isCoinbase()) {
        for (OutPoint input : tx.body().inputs()) {
          Owned owned = outputs.get(input);
          if (owned == null) {
            allInputsKnown = false;
          } else {
            sent = sent.add(owned.output.amount());
          }
        }
      }
      Optional<Amount> fee =
          allInputsKnown ? sent.trySubtract(tx.body().outputTotal()) : Optional.empty();
      Optional<Integer> at = wtx.block().map(WalletTx.Position::height);
      int confirmations = at.map(h -> height - h + 1).orElse(0);
      out.add(
          new HistoryEntry(
              tx.txId(),
              at,
              confirmations,
              wtx.time(),
              tx.isCoinbase(),
              received,
              sent,
              fee,
              false));
    }
    if (!abandonedListed) {
      out.addAll(abandoned.values());
    }
    return out;
  }

  // ---------------------------------------------------------------- codec

  /** Writes the ledger; the layout is in {@code wallet/README.md}. */
  public void write(ByteWriter writer) {
    LedgerCodec.write(tip, sortedEntries(), writer);
    LedgerCodec.writeAbandoned(List.copyOf(abandoned.values()), writer);
  }

  /**
   * Reads a ledger written by {@link #write}, indexing it with {@code ownership}; {@code
   * withAbandoned} is false for the layout before abandoned transactions were kept (public section
   * version 1), which ends after the transactions.
   */
  public static WalletLedger read(
      ByteReader reader, Ownership ownership, int maturity, boolean withAbandoned) {
    WalletLedger ledger = new WalletLedger(ownership, maturity);
    ledger.tip = LedgerCodec.readTip(reader);
    for (WalletTx wtx : LedgerCodec.readTxs(reader, ledger.tip)) {
      Tx tx = wtx.tx();
      if (ledger.txs.containsKey(tx.txId())) {
        throw new MalformedException("transaction " + tx.txId() + " repeats");
      }
      if (!tx.isCoinbase()) {
        for (OutPoint input : tx.body().inputs()) {
          if (ledger.spenders.containsKey(input)) {
            throw new MalformedException(
                "transaction " + tx.txId() + " spends " + input + " a second time");
          }
        }
      }
      ledger.add(tx, wtx.block(), wtx.time(), false);
    }
    if (withAbandoned) {
      for (HistoryEntry entry : LedgerCodec.readAbandoned(reader)) {
        if (ledger.txs.containsKey(entry.txId()) || ledger.abandoned.containsKey(entry.txId())) {
          throw new MalformedException("abandoned transaction " + entry.txId() + " repeats");
        }
        ledger.abandoned.put(entry.txId(), entry);
      }
    }
    return ledger;
  }
}
