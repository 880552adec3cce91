package org.equinode.chain.consensus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.equinode.chain.tx.OutPoint;

/** A UTXO set in a map, for tests: what the chain state will keep on disk. */
public final class MemoryUtxoView implements UtxoView {
  private final Map<OutPoint, Coin> coins;

  public MemoryUtxoView() {
    this(new HashMap<>());
  }

  private MemoryUtxoView(Map<OutPoint, Coin> coins) {
    this.coins = coins;
  }

  @Override
  public Optional<Coin> coin(OutPoint outPoint) {
    return Optional.ofNullable(coins.get(outPoint));
  }

  public MemoryUtxoView put(OutPoint outPoint, Coin coin) {
    coins.put(outPoint, coin);
    return this;
  }

  /** Applies a connected block: removes what it spent, adds what it left unspent. */
  public void apply(ConnectedBlock block) {
    block.removed().forEach(utxo -> coins.remove(utxo.outPoint()));
    block.added().forEach(utxo -> coins.put(utxo.outPoint(), utxo.coin()));
  }

  /** Undoes {@link #apply}. */
  public void undo(ConnectedBlock block) {
    block.added().forEach(utxo -> coins.remove(utxo.outPoint()));
    block.removed().forEach(utxo -> coins.put(utxo.outPoint(), utxo.coin()));
  }

  public int size() {
    return coins.size();
  }

  public MemoryUtxoView copy() {
    return new MemoryUtxoView(new HashMap<>(coins));
  }

  /** The entries, for comparing two views. */
  public Map<OutPoint, Coin> entries() {
    return Map.copyOf(coins);
  }
}
