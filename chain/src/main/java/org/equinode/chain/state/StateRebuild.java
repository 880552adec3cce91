package org.equinode.chain.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.params.ChainParams;
import org.equinode.common.ByteReader;
import org.equinode.common.DecodeException;

/**
 * Recomputes the chain state from the stored blocks. First, in one batch, the rebuild marker is set
 * (so that {@link StateLoader} refuses the store until a rebuild finishes); then the tip, the
 * index, the undo data, the height index and the coins are deleted in batches of {@link
 * #WIPE_BATCH} keys, and the genesis state is written again; then every stored block that descends
 * from the genesis block is submitted again, parents before children, which checks it, indexes it
 * and moves the active chain to the most work; last the marker is removed. Block records that do
 * not decode, are filed under another hash, or fail the header and body checks are deleted: peers
 * can send them again.
 */
final class StateRebuild {
  /** Keys deleted per batch while wiping. */
  static final int WIPE_BATCH = 10_000;

  private static final byte[] DERIVED = {
    StateKeys.TIP, StateKeys.INDEX, StateKeys.UNDO, StateKeys.HEIGHT, StateKeys.COIN
  };

  private StateRebuild() {}

  static void prepare(ChainStore store, ChainParams params) {
    if (store.format().isPresent()) {
      StateLoader.checkFormat(store, params);
    }
    store.write(
        new StateBatch()
            .putRebuilding()
            .putFormat(new StateFormat(StateFormat.CURRENT, params.genesisHash())));
    for (byte kind : DERIVED) {
      wipe(store, kind);
    }
    StateLoader.writeGenesis(store, params);
  }

  private static void wipe(ChainStore store, byte kind) {
    while (true) {
      StateBatch batch = new StateBatch();
      store
          .store()
          .scan(
              StateKeys.prefix(kind),
              (key, value) -> {
                batch.deleteKey(key);
                return batch.size() < WIPE_BATCH;
              });
      if (batch.size() == 0) {
        return;
      }
      store.write(batch);
    }
  }

  static void replay(ChainStore store, ChainState state) {
    Map<BlockHash, List<BlockHash>> children = new HashMap<>();
    List<byte[]> broken = new ArrayList<>();
    store
        .store()
        .scan(
            StateKeys.prefix(StateKeys.BLOCK),
            (key, value) -> {
              try {
                BlockHeader header = BlockHeader.read(ByteReader.of(value));
                if (Arrays.equals(key, StateKeys.block(header.hash()))) {
                  children
                      .computeIfAbsent(header.previous(), k -> new ArrayList<>())
                      .add(header.hash());
                } else {
                  broken.add(key);
                }
              } catch (DecodeException e) {
                broken.add(key);
              }
              return true;
            });
    Deque<BlockHash> queue =
        new ArrayDeque<>(children.getOrDefault(state.params().genesisHash(), List.of()));
    while (!queue.isEmpty()) {
      BlockHash hash = queue.poll();
      if (resubmit(store, state, hash)) {
        queue.addAll(children.getOrDefault(hash, List.of()));
      } else {
        broken.add(StateKeys.block(hash));
      }
    }
    StateBatch batch = new StateBatch();
    broken.forEach(batch::deleteKey);
    batch.deleteRebuilding();
    store.write(batch);
  }

  /** Submits a stored block again; false when it cannot be decoded or is not indexed. */
  private static boolean resubmit(ChainStore store, ChainState state, BlockHash hash) {
    Block block;
    try {
      block = Block.decode(store.store().get(StateKeys.block(hash)).orElseThrow());
    } catch (DecodeException e) {
      return false;
    }
    state.submitBlock(block);
    return state.entry(hash).isPresent();
  }
}
