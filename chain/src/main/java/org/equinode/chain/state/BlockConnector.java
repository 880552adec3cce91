package org.equinode.chain.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.block.Block;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;

/**
 * The coin changes of connecting a block to the tip, or disconnecting the tip. Connecting spends
 * every input (recording the coin in the undo data) and adds every output; disconnecting walks the
 * transactions backwards, removes their outputs and puts the undo data's coins back. Both check the
 * coin set as they go: connecting refuses a missing input and an output that would overwrite an
 * unspent coin (a duplicate txid); disconnecting treats any mismatch as damage.
 */
final class BlockConnector {
  /** The result of connecting. */
  sealed interface Connection {
    /**
     * The block applies.
     *
     * @param coins the changes to write
     * @param undo the coins it spends, to store with it
     */
    record Applied(CoinDelta coins, BlockUndo undo) implements Connection {}

    /**
     * The block does not apply to the coin set.
     *
     * @param reason why
     */
    record Refused(String reason) implements Connection {}
  }

  private BlockConnector() {}

  static Connection connect(Block block, int height, UtxoView before) {
    CoinDelta coins = new CoinDelta(before);
    List<Coin> spent = new ArrayList<>();
    List<Tx> txs = block.txs();
    for (int t = 0; t < txs.size(); t++) {
      Tx tx = txs.get(t);
      if (!tx.isCoinbase()) {
        for (OutPoint input : tx.body().inputs()) {
          Optional<Coin> coin = coins.coin(input);
          if (coin.isEmpty()) {
            return new Connection.Refused(
                "transaction " + t + " spends " + input + ", which is missing or spent");
          }
          spent.add(coin.get());
          coins.remove(input);
        }
      }
      List<TxOut> outputs = tx.body().outputs();
      for (int i = 0; i < outputs.size(); i++) {
        OutPoint outPoint = new OutPoint(tx.txId(), i);
        if (coins.coin(outPoint).isPresent()) {
          return new Connection.Refused(
              "transaction " + t + " would overwrite the unspent output " + outPoint);
        }
        coins.add(outPoint, new Coin(outputs.get(i), height, tx.isCoinbase()));
      }
    }
    if (spent.size() > BlockUndo.MAX_SPENT_COINS) {
      return new Connection.Refused("the block spends more than MAX_SPENT_COINS coins");
    }
    return new Connection.Applied(coins, new BlockUndo(spent));
  }

  /**
   * The changes that disconnect {@code block}, the tip at {@code height}, given its undo data.
   *
   * @throws ChainStateException if the coin set or the undo data do not match the block
   */
  static CoinDelta disconnect(Block block, int height, BlockUndo undo, ChainStore store) {
    CoinDelta coins = new CoinDelta(store::coin);
    List<Coin> spent = undo.spent();
    int next = spent.size();
    List<Tx> txs = block.txs();
    for (int t = txs.size() - 1; t >= 0; t--) {
      Tx tx = txs.get(t);
      List<TxOut> outputs = tx.body().outputs();
      for (int i = outputs.size() - 1; i >= 0; i--) {
        OutPoint outPoint = new OutPoint(tx.txId(), i);
        Coin expected = new Coin(outputs.get(i), height, tx.isCoinbase());
        if (!coins.coin(outPoint).equals(Optional.of(expected))) {
          throw store.damaged(
              "the output " + outPoint + " of the tip " + block.hash() + " is not in the coin set");
        }
        coins.remove(outPoint);
      }
      if (tx.isCoinbase()) {
        continue;
      }
      List<OutPoint> inputs = tx.body().inputs();
      for (int i = inputs.size() - 1; i >= 0; i--) {
        if (next == 0) {
          throw store.damaged("the undo data of " + block.hash() + " has too few coins");
        }
        OutPoint input = inputs.get(i);
        if (coins.coin(input).isPresent()) {
          throw store.damaged(
              "the coin " + input + " spent by the tip " + block.hash() + " is unspent");
        }
        coins.add(input, spent.get(--next));
      }
    }
    if (next != 0) {
      throw store.damaged("the undo data of " + block.hash() + " has " + next + " coins too many");
    }
    return coins;
  }
}
