package org.equinode.chain.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.equinode.chain.BlockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.consensus.BlockRules;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.consensus.ConnectedBlock;
import org.equinode.chain.consensus.HeaderContext;
import org.equinode.chain.consensus.MedianTimePast;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.consensus.UtxoView;
import org.equinode.chain.consensus.Verdict;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.common.TimeSource;
import org.equinode.store.KeyValueStore;

/**
 * The chain as this node sees it: every stored block, the block index, the active chain with the
 * most cumulative work, and its coin set, kept on a {@link KeyValueStore}.
 *
 * <p>{@link #submitBlock} checks a block, stores it, and when its branch has more work than the
 * tip, reorganises: it disconnects down to the fork point and connects up the new branch, each
 * connect and each disconnect one atomic write batch, so that a crash at any instant leaves a
 * consistent state at some block. A block that breaks a rule while being connected is marked failed
 * with all its descendants, and the state returns to the best valid chain.
 *
 * <p>Threads: the mutating methods ({@link #submitBlock}, {@link #activateBestChain}) hold one
 * lock, so one block is applied at a time. Listeners hear each change after its batch is written
 * and after that lock is released, in order. The query methods take no lock and are safe from any
 * thread, listeners included; each reads the state after some whole batch.
 */
public final class ChainState {
  private final ChainStore store;
  private final ChainParams params;
  private final TimeSource clock;
  private final SignatureChecker checker;
  private final BlockIndex index;
  private final List<BlockHash> active; // guarded by lock
  private final Map<BlockHash, SubmitVerdict> failures = new HashMap<>(); // guarded by lock
  private final EventQueue events = new EventQueue();
  private final ReentrantLock lock = new ReentrantLock();
  private volatile ChainTip tip;

  private ChainState(
      ChainStore store,
      ChainParams params,
      TimeSource clock,
      SignatureChecker checker,
      StateLoader.Loaded loaded) {
    this.store = store;
    this.params = params;
    this.clock = clock;
    this.checker = checker;
    this.index = loaded.index();
    this.active = new ArrayList<>(loaded.active());
    this.tip = tipOf(index.require(active.get(active.size() - 1)));
  }

  /**
   * Opens the chain state in {@code store}, verifying signatures on the calling thread. See {@link
   * #open(KeyValueStore, String, ChainParams, TimeSource, SignatureChecker)}.
   */
  public static ChainState open(
      KeyValueStore store, String location, ChainParams params, TimeSource clock) {
    return open(store, location, params, clock, SignatureChecker.sequential());
  }

  /**
   * Opens the chain state in {@code store}, writing the genesis state when the store is empty, and
   * checks it. It does not reorganise: call {@link #activateBestChain} once listeners are added, in
   * case the node stopped in the middle of a reorganisation.
   *
   * @param location where the store is, for messages (a folder, "memory")
   * @param clock the clock block times are checked against
   * @param checker how blocks' witnesses are verified (a parallel checker for a node)
   * @throws ChainStateException if the store belongs to another network or another layout, was left
   *     half rebuilt, or is damaged. A store of layout 1 (before the transaction index) is rebuilt
   *     rather than refused.
   */
  public static ChainState open(
      KeyValueStore store,
      String location,
      ChainParams params,
      TimeSource clock,
      SignatureChecker checker) {
    ChainStore chainStore = new ChainStore(store, location);
    if (chainStore.format().map(f -> f.version() == StateFormat.BEFORE_TX_INDEX).orElse(false)) {
      // Layout 1 had no transaction index: the rebuild adds it, once.
      return rebuild(store, location, params, clock, checker);
    }
    return new ChainState(
        chainStore, params, clock, checker, StateLoader.load(chainStore, params, false));
  }

  /**
   * {@link #rebuild(KeyValueStore, String, ChainParams, TimeSource, SignatureChecker)}, verifying
   * signatures on the calling thread.
   */
  public static ChainState rebuild(
      KeyValueStore store, String location, ChainParams params, TimeSource clock) {
    return rebuild(store, location, params, clock, SignatureChecker.sequential());
  }

  /**
   * Rebuilds everything but the stored blocks: the block index, the active chain and the coin set
   * are recomputed by checking and connecting every stored block again, from the genesis block on.
   * The way out when {@link #open} reports damage. A rebuild interrupted by a crash is refused by
   * {@link #open} until it is run again.
   *
   * @throws ChainStateException if the store belongs to another network or another layout
   */
  public static ChainState rebuild(
      KeyValueStore store,
      String location,
      ChainParams params,
      TimeSource clock,
      SignatureChecker checker) {
    ChainStore chainStore = new ChainStore(store, location);
    StateRebuild.prepare(chainStore, params);
    ChainState state =
        new ChainState(
            chainStore, params, clock, checker, StateLoader.load(chainStore, params, true));
    StateRebuild.replay(chainStore, state);
    return state;
  }

  public ChainParams params() {
    return params;
  }

  public void addListener(ChainListener listener) {
    events.addListener(listener);
  }

  public void removeListener(ChainListener listener) {
    events.removeListener(listener);
  }

  /**
   * Checks {@code block}, stores it if it passes, and moves the active chain to the branch with the
   * most work. Listeners hear every block connected or disconnected before this returns (unless
   * another thread's call is delivering at the same moment; then that one delivers ours).
   */
  public SubmitVerdict submitBlock(Block block) {
    try {
      lock.lock();
      try {
        return submit(block);
      } finally {
        lock.unlock();
      }
    } finally {
      events.deliver();
    }
  }

  /**
   * Moves the active chain to the stored branch with the most work, if it is not there yet: after
   * {@link #open} when a reorganisation was cut short.
   */
  public void activateBestChain() {
    try {
      lock.lock();
      try {
        activate(Optional.empty());
      } finally {
        lock.unlock();
      }
    } finally {
      events.deliver();
    }
  }

  private SubmitVerdict submit(Block block) {
    BlockHash hash = block.hash();
    Optional<BlockIndexEntry> known = index.get(hash);
    if (known.isPresent() && known.get().status().failed()) {
      return new SubmitVerdict.KnownInvalid(
          hash, "block " + hash + " or an ancestor broke a rule when it was connected");
    }
    if (known.isPresent() && known.get().status().dataStored()) {
      return new SubmitVerdict.AlreadyKnown(hash);
    }
    BlockHeader header = block.header();
    Optional<BlockIndexEntry> found = index.get(header.previous());
    if (found.isEmpty()) {
      return new SubmitVerdict.MissingParent(hash, header.previous());
    }
    BlockIndexEntry parent = found.get();
    if (parent.status().failed()) {
      return new SubmitVerdict.KnownInvalid(
          hash, "its parent " + parent.hash() + " or an ancestor broke a rule");
    }
    HeaderContext context =
        new HeaderContext(
            parent.hash(),
            parent.height(),
            parent.header().time(),
            MedianTimePast.of(index.recentTimes(parent, params.medianTimeSpan())),
            clock.epochSeconds());
    Verdict<Block> checked =
        BlockRules.checkHeader(header, params)
            .then(h -> BlockRules.checkHeaderContext(header, context, params))
            .then(h -> BlockRules.checkBody(block, params));
    if (checked instanceof Verdict.Reject<Block> reject) {
      return new SubmitVerdict.Rejected(hash, reject.reason(), reject.detail());
    }
    BlockIndexEntry entry =
        BlockIndexEntry.of(
            header,
            context.height(),
            parent.chainWork().add(header.bits().work()),
            BlockStatus.STORED);
    store.write(new StateBatch().putBlock(block).putEntry(entry));
    index.add(entry);
    failures.clear();
    activate(Optional.of(block));
    BlockIndexEntry after = index.require(hash);
    if (after.status().failed()) {
      return failures.getOrDefault(
          hash, new SubmitVerdict.KnownInvalid(hash, "it descends from a block that broke a rule"));
    }
    return new SubmitVerdict.Accepted(hash, entry.height(), isActive(after));
  }

  /**
   * Connects the branch with the most work. {@code arrived} is a block just stored, connected from
   * memory when it is on that branch rather than read back and decoded again (which would repeat
   * its transactions' decoding, key checks included, on this one thread).
   */
  private void activate(Optional<Block> arrived) {
    while (true) {
      BlockIndexEntry best = index.best();
      if (best.hash().equals(tip.hash())) {
        break;
      }
      BlockIndexEntry fork = forkPoint(best);
      while (tip.height() > fork.height()) {
        disconnectTip();
      }
      for (BlockIndexEntry next : pathAbove(fork, best)) {
        Optional<Verdict.Reject<ConnectedBlock>> failure = connect(next, arrived);
        if (failure.isPresent()) {
          markFailed(next, failure.get());
          break;
        }
      }
    }
    index.prune(tip.chainWork());
  }

  private boolean isActive(BlockIndexEntry entry) {
    return entry.height() < active.size() && active.get(entry.height()).equals(entry.hash());
  }

  /** The highest block of the active chain that is also an ancestor of {@code entry}. */
  private BlockIndexEntry forkPoint(BlockIndexEntry entry) {
    BlockIndexEntry at = entry;
    while (!isActive(at)) {
      at = index.require(at.previous());
    }
    return at;
  }

  /** The blocks after {@code fork} up to {@code last}, lowest first. */
  private List<BlockIndexEntry> pathAbove(BlockIndexEntry fork, BlockIndexEntry last) {
    List<BlockIndexEntry> path = new ArrayList<>(last.height() - fork.height());
    for (BlockIndexEntry at = last; at.height() > fork.height(); ) {
      path.add(at);
      at = index.require(at.previous());
    }
    Collections.reverse(path);
    return path;
  }

  /**
   * Connects {@code entry}'s block to the tip, taking it from {@code arrived} when that is it; the
   * rejection when it breaks a rule.
   */
  private Optional<Verdict.Reject<ConnectedBlock>> connect(
      BlockIndexEntry entry, Optional<Block> arrived) {
    BlockHash hash = entry.hash();
    int height = entry.height();
    Block block =
        arrived
            .filter(candidate -> candidate.hash().equals(hash))
            .orElseGet(() -> storedBlock(hash));
    Verdict<ConnectedBlock> verdict =
        BlockRules.connect(block, height, store::coin, params, checker);
    switch (verdict) {
      case Verdict.Reject<ConnectedBlock> reject -> {
        return Optional.of(reject);
      }
      case Verdict.Accept<ConnectedBlock> accept -> {
        BlockConnector.Connection connection =
            BlockConnector.connect(block, accept.result(), store);
        StateBatch batch = new StateBatch();
        connection.coins().writeTo(batch);
        TxIndex.connect(batch, block);
        BlockIndexEntry valid = entry.withStatus(BlockStatus.VALID);
        batch.putUndo(hash, connection.undo()).putHeight(height, hash).putTip(hash).putEntry(valid);
        store.write(batch);
        index.update(valid);
        index.keepCandidate(valid);
        active.add(hash);
        tip = tipOf(valid);
        events.connected(block, height);
        return Optional.empty();
      }
    }
  }

  private void disconnectTip() {
    BlockIndexEntry entry = index.require(tip.hash());
    BlockHash hash = entry.hash();
    int height = entry.height();
    if (height == 0) {
      throw new IllegalStateException("the genesis block cannot be disconnected");
    }
    Block block = storedBlock(hash);
    BlockUndo undo =
        store
            .undo(hash)
            .orElseThrow(() -> store.damaged("the undo data of the tip " + hash + " is missing"));
    StateBatch batch = new StateBatch();
    BlockConnector.disconnect(block, height, undo, store).writeTo(batch);
    TxIndex.disconnect(batch, block);
    batch.deleteUndo(hash).deleteHeight(height).putTip(entry.previous());
    store.write(batch);
    active.remove(active.size() - 1);
    tip = tipOf(index.require(entry.previous()));
    events.disconnected(block, height);
  }

  /** Marks {@code entry} and every descendant failed, in one batch. */
  private void markFailed(BlockIndexEntry entry, Verdict.Reject<ConnectedBlock> reject) {
    List<BlockIndexEntry> failed = new ArrayList<>();
    failed.add(entry.withStatus(entry.status().asFailed()));
    failures.put(
        entry.hash(), new SubmitVerdict.Rejected(entry.hash(), reject.reason(), reject.detail()));
    for (BlockIndexEntry descendant : index.descendants(entry.hash())) {
      failed.add(descendant.withStatus(descendant.status().asFailed()));
      failures.put(
          descendant.hash(),
          new SubmitVerdict.KnownInvalid(
              descendant.hash(), "it descends from " + entry.hash() + ", rejected: " + reject));
    }
    StateBatch batch = new StateBatch();
    failed.forEach(batch::putEntry);
    store.write(batch);
    failed.forEach(index::update);
  }

  private Block storedBlock(BlockHash hash) {
    return store.block(hash).orElseThrow(() -> store.damaged("block " + hash + " is not stored"));
  }

  private ChainTip tipOf(BlockIndexEntry entry) {
    return new ChainTip(
        entry.hash(),
        entry.height(),
        entry.chainWork(),
        entry.header().time(),
        MedianTimePast.of(index.recentTimes(entry, params.medianTimeSpan())));
  }

  // ---- queries: no lock, safe from any thread ----

  /** The tip of the active chain. */
  public ChainTip tip() {
    return tip;
  }

  /** What the index knows of {@code hash}: header, height, work, status. */
  public Optional<BlockIndexEntry> entry(BlockHash hash) {
    return index.get(hash);
  }

  public Optional<BlockHeader> header(BlockHash hash) {
    return index.get(hash).map(BlockIndexEntry::header);
  }

  /** A stored block, on the active chain or not. */
  public Optional<Block> block(BlockHash hash) {
    return store.block(hash);
  }

  /** The hash of the active chain's block at {@code height}. */
  public Optional<BlockHash> hashAt(int height) {
    return height < 0 ? Optional.empty() : store.hashAt(height);
  }

  /** True when {@code hash} is on the active chain. */
  public boolean isOnActiveChain(BlockHash hash) {
    return index.get(hash).flatMap(entry -> hashAt(entry.height())).map(hash::equals).orElse(false);
  }

  /**
   * Where the active chain holds the transaction {@code txId} (the transaction index; the genesis
   * block's coinbase is not in it). A transaction only in a block off the active chain is not
   * found.
   */
  public Optional<TxLocation> findTransaction(TxId txId) {
    return TxIndex.find(store, txId);
  }

  /**
   * The transaction {@code txId} of the active chain, read from its block through the transaction
   * index.
   *
   * @throws ChainStateException if the index names a block that is not stored, or a position that
   *     does not hold this transaction (a damaged state, which a rebuild repairs)
   */
  public Optional<Tx> confirmedTransaction(TxId txId) {
    return findTransaction(txId).map(at -> TxIndex.read(store, txId, at));
  }

  /** The unspent coin at {@code outPoint} in the active chain's coin set. */
  public Optional<Coin> coin(OutPoint outPoint) {
    return store.coin(outPoint);
  }

  /**
   * The coin set of the active chain. It reads the store live: each read sees the state after some
   * whole connect or disconnect, the latest one when the caller runs on the owner's thread or in a
   * listener.
   */
  public UtxoView utxoView() {
    return store::coin;
  }

  /**
   * A block locator for the active chain: the hashes at the tip's height and the nine below it,
   * then with steps doubling back, ending with the genesis block. A peer answers with the first it
   * has on its own active chain.
   */
  public List<BlockHash> locator() {
    List<BlockHash> hashes = new ArrayList<>();
    int step = 1;
    for (int height = tip.height(); height > 0; height -= step) {
      hashAt(height).ifPresent(hashes::add);
      if (hashes.size() >= 10) {
        step *= 2;
      }
    }
    hashes.add(params.genesisHash());
    return hashes;
  }

  /**
   * The first hash of a peer's {@code locator} that is on the active chain (where to start sending
   * it blocks); the genesis block when none is.
   */
  public BlockIndexEntry forkPoint(List<BlockHash> locator) {
    for (BlockHash hash : locator) {
      if (isOnActiveChain(hash)) {
        return index.require(hash);
      }
    }
    return index.require(params.genesisHash());
  }

  /** A digest of the whole coin set, for comparing two states. Reads every coin. */
  public UtxoDigest utxoDigest() {
    return UtxoDigest.of(store);
  }
}
