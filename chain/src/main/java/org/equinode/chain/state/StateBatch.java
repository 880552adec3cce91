package org.equinode.chain.state;

import org.equinode.chain.BlockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.tx.OutPoint;
import org.equinode.store.WriteBatch;

/** A {@link WriteBatch} with one typed method per chain state record. Not thread-safe. */
final class StateBatch {
  private final WriteBatch batch = new WriteBatch();

  StateBatch putFormat(StateFormat format) {
    batch.put(StateKeys.format(), format.encode());
    return this;
  }

  StateBatch putTip(BlockHash hash) {
    batch.put(StateKeys.tip(), StateKeys.hashValue(hash));
    return this;
  }

  StateBatch deleteTip() {
    batch.delete(StateKeys.tip());
    return this;
  }

  StateBatch putRebuilding() {
    batch.put(StateKeys.rebuilding(), new byte[0]);
    return this;
  }

  StateBatch deleteRebuilding() {
    batch.delete(StateKeys.rebuilding());
    return this;
  }

  StateBatch putBlock(Block block) {
    batch.put(StateKeys.block(block.hash()), block.encode());
    return this;
  }

  StateBatch putEntry(BlockIndexEntry entry) {
    batch.put(StateKeys.index(entry.hash()), entry.encode());
    return this;
  }

  StateBatch putUndo(BlockHash hash, BlockUndo undo) {
    batch.put(StateKeys.undo(hash), undo.encode());
    return this;
  }

  StateBatch deleteUndo(BlockHash hash) {
    batch.delete(StateKeys.undo(hash));
    return this;
  }

  StateBatch putHeight(int height, BlockHash hash) {
    batch.put(StateKeys.height(height), StateKeys.hashValue(hash));
    return this;
  }

  StateBatch deleteHeight(int height) {
    batch.delete(StateKeys.height(height));
    return this;
  }

  StateBatch putCoin(OutPoint outPoint, Coin coin) {
    batch.put(StateKeys.coin(outPoint), CoinCodec.encode(coin));
    return this;
  }

  StateBatch deleteCoin(OutPoint outPoint) {
    batch.delete(StateKeys.coin(outPoint));
    return this;
  }

  StateBatch putTxLocation(TxId txId, TxLocation location) {
    batch.put(StateKeys.txLocation(txId), location.encode());
    return this;
  }

  StateBatch deleteTxLocation(TxId txId) {
    batch.delete(StateKeys.txLocation(txId));
    return this;
  }

  /** Deletes a raw key, for wiping records during a rebuild. */
  StateBatch deleteKey(byte[] key) {
    batch.delete(key);
    return this;
  }

  int size() {
    return batch.size();
  }

  WriteBatch writeBatch() {
    return batch;
  }
}
