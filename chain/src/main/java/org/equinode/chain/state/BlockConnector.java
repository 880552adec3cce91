package org.equinode.chain.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.consensus.ConnectedBlock;
import org.equinode.chain.consensus.Utxo;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;

/**
 * The coin changes of connecting a block to the tip, or disconnecting the tip. Connecting adds
 * every output the block creates and removes every coin it spends (its undo data, in block order);
 * disconnecting walks the transactions backwards, removes their outputs and puts the undo data's
 * coins back. Both check the stored coin set as they go, and any mismatch is damage: a block that
 * passed validation against this coin set can neither spend a missing coin nor overwrite an unspent
 * one.
 */
final class BlockConnector {
  /**
   * What connecting writes.
   *
   * @param coins the changes to the coin set
   * @param undo the coins the block spends, to store with it
   */
  record Connection(CoinDelta coins, BlockUndo undo) {}

  private BlockConnector() {}

  /**
   * The changes that connect {@code block}, which validation accepted as {@code connected}.
   *
   * @throws ChainStateException if the stored coins disagree with the validation's
   */
  static Connection connect(Block block, ConnectedBlock connected, ChainStore store) {
    CoinDelta coins = new CoinDelta(store::coin);
    for (Utxo created : connected.created()) {
      if (coins.coin(created.outPoint()).isPresent()) {
        throw store.damaged(
            "connecting "
                + block.hash()
                + " would overwrite the unspent coin "
                + created.outPoint());
      }
      coins.add(created.outPoint(), created.coin());
    }
    List<Coin> spent = new ArrayList<>(connected.spent().size());
    for (Utxo utxo : connected.spent()) {
      if (!coins.coin(utxo.outPoint()).equals(Optional.of(utxo.coin()))) {
        throw store.damaged(
            "the coin "
                + utxo.outPoint()
                + " spent by "
                + block.hash()
                + " is not in the coin set");
      }
      coins.remove(utxo.outPoint());
      spent.add(utxo.coin());
    }
    return new Connection(coins, new BlockUndo(spent));
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
