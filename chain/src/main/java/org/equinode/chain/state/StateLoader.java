package org.equinode.chain.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.params.ChainParams;
import org.equinode.common.ByteReader;
import org.equinode.common.DecodeException;
import org.jspecify.annotations.Nullable;

/**
 * Opens the chain state: writes the genesis state into an empty store, refuses another layout,
 * another network or an unfinished rebuild, loads the block index and the active chain, and checks
 * that they agree before anything uses them (the height index runs from the genesis block to the
 * tip without a gap, each block on it is fully valid and the child of the one below, the tip record
 * names the last of them, and the tip's block and undo data are stored).
 */
final class StateLoader {
  /**
   * What open found.
   *
   * @param index the block index, candidates included
   * @param active the active chain's hashes by height
   */
  record Loaded(BlockIndex index, List<BlockHash> active) {}

  private StateLoader() {}

  /**
   * Opens and checks the state.
   *
   * @param rebuilding true while a rebuild opens the store it has just reset
   */
  static Loaded load(ChainStore store, ChainParams params, boolean rebuilding) {
    if (store.format().isEmpty()) {
      if (!isEmpty(store)) {
        throw store.damaged("it holds records but no format record");
      }
      writeGenesis(store, params);
    }
    checkFormat(store, params, false);
    if (!rebuilding && store.isRebuilding()) {
      throw new ChainStateException(
          "chain state in "
              + store.location()
              + " was being rebuilt when the node stopped; rebuild it again");
    }
    Map<BlockHash, BlockIndexEntry> entries = readIndex(store);
    List<BlockHash> active = readActiveChain(store, entries, params);
    BlockHash tipHash = active.get(active.size() - 1);
    BlockIndexEntry tip = Objects.requireNonNull(entries.get(tipHash));
    checkTip(store, tip);
    BigInteger tipWork = tip.chainWork();
    BlockIndex index = new BlockIndex();
    index.add(tip, true);
    for (BlockIndexEntry entry : entries.values()) {
      if (!entry.hash().equals(tipHash)) {
        boolean candidate =
            entry.status().dataStored()
                && !entry.status().failed()
                && entry.chainWork().compareTo(tipWork) > 0;
        index.add(entry, candidate);
      }
    }
    return new Loaded(index, active);
  }

  /** The state of a new store: the genesis block connected, its coinbase not spendable. */
  static void writeGenesis(ChainStore store, ChainParams params) {
    Block genesis = params.genesis();
    BlockIndexEntry entry =
        BlockIndexEntry.of(genesis.header(), 0, genesis.header().bits().work(), BlockStatus.VALID);
    store.write(
        new StateBatch()
            .putFormat(new StateFormat(StateFormat.CURRENT, genesis.hash()))
            .putBlock(genesis)
            .putEntry(entry)
            .putHeight(0, genesis.hash())
            .putTip(genesis.hash()));
  }

  /**
   * Refuses another layout or another network's store.
   *
   * @param upgrading true when a rebuild may turn the layout before the transaction index into the
   *     current one
   */
  static void checkFormat(ChainStore store, ChainParams params, boolean upgrading) {
    StateFormat format = store.format().orElseThrow(() -> store.damaged("no format record"));
    boolean upgradable = upgrading && format.version() == StateFormat.BEFORE_TX_INDEX;
    if (format.version() != StateFormat.CURRENT && !upgradable) {
      throw new ChainStateException(
          "chain state in "
              + store.location()
              + " has layout version "
              + format.version()
              + "; this node reads version "
              + StateFormat.CURRENT);
    }
    if (!format.genesis().equals(params.genesisHash())) {
      throw new ChainStateException(
          "chain state in "
              + store.location()
              + " belongs to another network: genesis "
              + format.genesis()
              + ", not "
              + params.network()
              + "'s "
              + params.genesisHash());
    }
  }

  private static boolean isEmpty(ChainStore store) {
    boolean[] empty = {true};
    store
        .store()
        .scan(
            new byte[0],
            (key, value) -> {
              empty[0] = false;
              return false;
            });
    return empty[0];
  }

  private static Map<BlockHash, BlockIndexEntry> readIndex(ChainStore store) {
    Map<BlockHash, BlockIndexEntry> entries = new HashMap<>();
    store
        .store()
        .scan(
            StateKeys.prefix(StateKeys.INDEX),
            (key, value) -> {
              BlockIndexEntry entry;
              try {
                entry = BlockIndexEntry.decode(value);
              } catch (DecodeException e) {
                throw store.damaged("an index entry does not decode: " + e.getMessage());
              }
              if (!Arrays.equals(key, StateKeys.index(entry.hash()))) {
                throw store.damaged("the index entry of " + entry.hash() + " is under another key");
              }
              entries.put(entry.hash(), entry);
              return true;
            });
    return entries;
  }

  private static List<BlockHash> readActiveChain(
      ChainStore store, Map<BlockHash, BlockIndexEntry> entries, ChainParams params) {
    List<BlockHash> active = new ArrayList<>();
    store
        .store()
        .scan(
            StateKeys.prefix(StateKeys.HEIGHT),
            (key, value) -> {
              int height = heightOf(store, key);
              if (height != active.size()) {
                throw store.damaged("the height index has no block at height " + active.size());
              }
              BlockHash hash;
              try {
                hash = StateKeys.readHashValue(value);
              } catch (DecodeException e) {
                throw store.damaged("the hash at height " + height + " does not decode");
              }
              checkActiveEntry(store, entries.get(hash), hash, height, active, params);
              active.add(hash);
              return true;
            });
    if (active.isEmpty()) {
      throw store.damaged("the height index is empty");
    }
    return active;
  }

  private static int heightOf(ChainStore store, byte[] key) {
    try {
      ByteReader reader = ByteReader.of(key);
      reader.skip(1);
      int height = reader.readInt32BE();
      reader.expectEnd("height key");
      if (height < 0) {
        throw store.damaged("a height key is above 2^31-1");
      }
      return height;
    } catch (DecodeException e) {
      throw store.damaged("a height key does not decode: " + e.getMessage());
    }
  }

  private static void checkActiveEntry(
      ChainStore store,
      @Nullable BlockIndexEntry entry,
      BlockHash hash,
      int height,
      List<BlockHash> below,
      ChainParams params) {
    String where = "the block at height " + height + ", " + hash + ",";
    if (entry == null) {
      throw store.damaged(where + " is not in the block index");
    }
    if (entry.height() != height) {
      throw store.damaged(where + " has height " + entry.height() + " in the block index");
    }
    if (!entry.status().fullyValid()) {
      throw store.damaged(where + " is not marked fully valid");
    }
    if (height == 0 && !hash.equals(params.genesisHash())) {
      throw store.damaged(where + " is not the genesis block " + params.genesisHash());
    }
    if (height > 0 && !entry.previous().equals(below.get(height - 1))) {
      throw store.damaged(where + " is not a child of the block below it");
    }
  }

  private static void checkTip(ChainStore store, BlockIndexEntry last) {
    BlockHash tip = store.tip().orElseThrow(() -> store.damaged("the tip record is missing"));
    if (!tip.equals(last.hash())) {
      throw store.damaged(
          "the tip record names "
              + tip
              + " but the height index ends with "
              + last.hash()
              + " at "
              + last.height());
    }
    if (!store.hasBlock(tip)) {
      throw store.damaged("the tip " + tip + " is not stored");
    }
    if (last.height() > 0 && !store.hasUndo(tip)) {
      throw store.damaged("the undo data of the tip " + tip + " is missing");
    }
  }
}
