package org.equinode.chain.state;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.params.ChainParams;
import org.equinode.common.ByteReader;
import org.equinode.common.DecodeException;

/**
 * Recomputes the chain state from the stored blocks. First, in one batch, the rebuild marker is set
 * (so that {@link StateLoader} refuses the store until a rebuild finishes); then the tip, the
 * index, the undo data, the height index, the transaction index and the coins are deleted in
 * batches of {@link #WIPE_BATCH} keys, and the genesis state is written again; then every stored
 * block that descends from the genesis block is submitted again, parents before children, which
 * checks it, indexes it and moves the active chain to the most work; last the marker is removed.
 * Block records that do not decode, are filed under another hash, or fail the header and body
 * checks are deleted: peers can send them again.
 */
final class StateRebuild {
  /** Keys deleted per batch while wiping. */
  static final int WIPE_BATCH = 10_000;

  private static final byte[] DERIVED = {
    StateKeys.TIP,
    StateKeys.INDEX,
    StateKeys.UNDO,
    StateKeys.HEIGHT,
    StateKeys.TX_LOCATION,
    StateKeys.COIN
  };

  private StateRebuild() {}

  static void prepare(ChainStore store, ChainParams params) {
    if (store.format().isPresent()) {
      StateLoader.checkFormat(store, params, true);
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
    Map<BlockHash, BlockHeader> headers = new HashMap<>();
    List<byte[]> broken = new ArrayList<>();
    store
        .store()
        .scan(
            StateKeys.prefix(StateKeys.BLOCK),
            (key, value) -> {
              try {
                BlockHeader header = BlockHeader.read(ByteReader.of(value));
                if (Arrays.equals(key, StateKeys.block(header.hash()))) {
                  headers.put(header.hash(), header);
                } else {
                  broken.add(key);
                }
              } catch (DecodeException e) {
                broken.add(key);
              }
              return true;
            });
    Map<BlockHash, List<BlockHash>> children = new HashMap<>();
    headers.forEach(
        (hash, header) ->
            children.computeIfAbsent(header.previous(), k -> new ArrayList<>()).add(hash));
    BlockHash genesis = state.params().genesisHash();
    List<BlockHash> order = new ArrayList<>();
    order.addAll(pathToMostWork(genesis, headers, children));
    order.addAll(breadthFirst(genesis, children));
    Set<BlockHash> done = new HashSet<>();
    done.add(genesis);
    for (BlockHash hash : order) {
      BlockHeader header = headers.get(hash);
      if (header == null || !done.contains(header.previous()) || !done.add(hash)) {
        continue;
      }
      if (!resubmit(store, state, hash)) {
        done.remove(hash);
        broken.add(StateKeys.block(hash));
      }
    }
    headers.keySet().stream()
        .filter(hash -> !done.contains(hash))
        .forEach(hash -> broken.add(StateKeys.block(hash)));
    StateBatch batch = new StateBatch();
    broken.forEach(batch::deleteKey);
    batch.deleteRebuilding();
    store.write(batch);
  }

  /**
   * The blocks from the genesis block to the stored block with the most work, by the headers'
   * targets: replayed first, so that the active chain is built once rather than reorganised back
   * and forth as branches of different lengths arrive.
   */
  private static List<BlockHash> pathToMostWork(
      BlockHash genesis,
      Map<BlockHash, BlockHeader> headers,
      Map<BlockHash, List<BlockHash>> children) {
    Map<BlockHash, BigInteger> work = new HashMap<>();
    work.put(genesis, BigInteger.ZERO);
    BlockHash best = genesis;
    for (BlockHash hash : breadthFirst(genesis, children)) {
      BlockHeader header = Objects.requireNonNull(headers.get(hash));
      BigInteger sum =
          Objects.requireNonNull(work.get(header.previous())).add(header.bits().work());
      work.put(hash, sum);
      if (sum.compareTo(Objects.requireNonNull(work.get(best))) > 0) {
        best = hash;
      }
    }
    List<BlockHash> path = new ArrayList<>();
    for (BlockHash at = best; !at.equals(genesis); ) {
      path.add(at);
      at = Objects.requireNonNull(headers.get(at)).previous();
    }
    Collections.reverse(path);
    return path;
  }

  /** Every block that descends from {@code root}, parents before children. */
  private static List<BlockHash> breadthFirst(
      BlockHash root, Map<BlockHash, List<BlockHash>> children) {
    List<BlockHash> out = new ArrayList<>();
    Deque<BlockHash> queue = new ArrayDeque<>(children.getOrDefault(root, List.of()));
    while (!queue.isEmpty()) {
      BlockHash next = queue.poll();
      out.add(next);
      queue.addAll(children.getOrDefault(next, List.of()));
    }
    return out;
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
