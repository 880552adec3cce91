package org.equinode.chain.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;

/**
 * The parent's unspent outputs as a block's transactions see them, in order: outputs created by
 * earlier transactions of the block are there, outputs spent by them are gone. The parent's view is
 * never changed. Used by one validation on one thread.
 */
final class BlockCoins implements UtxoView {
  private final UtxoView parent;
  private final Map<OutPoint, Coin> created = new HashMap<>();
  private final Set<OutPoint> spent = new HashSet<>();

  BlockCoins(UtxoView parent) {
    this.parent = parent;
  }

  @Override
  public Optional<Coin> coin(OutPoint outPoint) {
    if (spent.contains(outPoint)) {
      return Optional.empty();
    }
    Coin coin = created.get(outPoint);
    return coin != null ? Optional.of(coin) : parent.coin(outPoint);
  }

  /** Adds {@code tx}'s outputs, created at {@code height}; returns them. */
  List<Utxo> add(Tx tx, int height) {
    List<Utxo> added = new ArrayList<>(tx.body().outputs().size());
    for (int i = 0; i < tx.body().outputs().size(); i++) {
      Utxo utxo =
          new Utxo(
              new OutPoint(tx.txId(), i),
              new Coin(tx.body().outputs().get(i), height, tx.isCoinbase()));
      created.put(utxo.outPoint(), utxo.coin());
      added.add(utxo);
    }
    return added;
  }

  void spend(OutPoint outPoint) {
    spent.add(outPoint);
  }
}
