package org.equinode.chain.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.consensus.UtxoView;
import org.equinode.chain.tx.OutPoint;

/**
 * Changes to the coin set on top of the stored one, while a block is connected or disconnected.
 * Each outpoint ends up written once, with its final value, whatever happened to it in between.
 */
final class CoinDelta implements UtxoView {
  private final UtxoView base;
  private final Map<OutPoint, Optional<Coin>> changes = new LinkedHashMap<>();

  CoinDelta(UtxoView base) {
    this.base = base;
  }

  @Override
  public Optional<Coin> coin(OutPoint outPoint) {
    Optional<Coin> changed = changes.get(outPoint);
    return changed != null ? changed : base.coin(outPoint);
  }

  void add(OutPoint outPoint, Coin coin) {
    changes.put(outPoint, Optional.of(coin));
  }

  void remove(OutPoint outPoint) {
    changes.put(outPoint, Optional.empty());
  }

  void writeTo(StateBatch batch) {
    changes.forEach(
        (outPoint, coin) -> {
          if (coin.isPresent()) {
            batch.putCoin(outPoint, coin.get());
          } else {
            batch.deleteCoin(outPoint);
          }
        });
  }
}
