package org.equinode.chain.state;

import java.util.Optional;
import java.util.function.Function;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.tx.OutPoint;
import org.equinode.common.DecodeException;
import org.equinode.store.Durability;
import org.equinode.store.KeyValueStore;

/**
 * Typed reads of the chain state records on a {@link KeyValueStore}, and the one place batches are
 * written. A record that does not decode is damage: it throws {@link ChainStateException}, never
 * reads as absent. Thread-safe, as the store is.
 */
final class ChainStore {
  /**
   * Every connect, disconnect and index update is written with this durability: in RocksDB's
   * write-ahead log before {@code write} returns, so a killed process (kill -9) loses nothing. A
   * power failure may lose the last few batches, never part of one, and RocksDB then recovers a
   * consistent earlier state.
   */
  static final Durability DURABILITY = Durability.PROCESS_CRASH;

  private final KeyValueStore store;
  private final String location;

  ChainStore(KeyValueStore store, String location) {
    this.store = store;
    this.location = location;
  }

  KeyValueStore store() {
    return store;
  }

  String location() {
    return location;
  }

  ChainStateException damaged(String what) {
    return ChainStateException.damaged(location, what);
  }

  void write(StateBatch batch) {
    store.write(batch.writeBatch(), DURABILITY);
  }

  Optional<StateFormat> format() {
    return read(StateKeys.format(), StateFormat::decode, "the format record");
  }

  boolean isRebuilding() {
    return store.contains(StateKeys.rebuilding());
  }

  Optional<BlockHash> tip() {
    return read(StateKeys.tip(), StateKeys::readHashValue, "the tip record");
  }

  Optional<BlockHash> hashAt(int height) {
    return read(StateKeys.height(height), StateKeys::readHashValue, "the hash at height " + height);
  }

  boolean hasBlock(BlockHash hash) {
    return store.contains(StateKeys.block(hash));
  }

  Optional<Block> block(BlockHash hash) {
    Optional<Block> block = read(StateKeys.block(hash), Block::decode, "block " + hash);
    if (block.isPresent() && !block.get().hash().equals(hash)) {
      throw damaged("the block stored under " + hash + " is " + block.get().hash());
    }
    return block;
  }

  Optional<BlockUndo> undo(BlockHash hash) {
    return read(StateKeys.undo(hash), BlockUndo::decode, "the undo data of " + hash);
  }

  boolean hasUndo(BlockHash hash) {
    return store.contains(StateKeys.undo(hash));
  }

  Optional<BlockIndexEntry> entry(BlockHash hash) {
    return read(StateKeys.index(hash), BlockIndexEntry::decode, "the index entry of " + hash);
  }

  Optional<Coin> coin(OutPoint outPoint) {
    return read(StateKeys.coin(outPoint), CoinCodec::decode, "the coin " + outPoint);
  }

  private <T> Optional<T> read(byte[] key, Function<byte[], T> decoder, String what) {
    Optional<byte[]> bytes = store.get(key);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.apply(bytes.get()));
    } catch (DecodeException e) {
      throw damaged(what + " does not decode: " + e.getMessage());
    }
  }
}
