package org.equinode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.equinode.chain.BlockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.RejectReason;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.common.Network;
import org.equinode.store.KeyValueStore;
import org.equinode.store.MemoryStore;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the chain state must do on every store backend. */
abstract class ChainStateContractTest {
  static final ChainParams DEV = ChainParams.of(Network.DEV);

  @TempDir Path folder;

  final TestClock clock = TestClock.at(Instant.ofEpochSecond(DEV.genesisTime() + 1_000_000));
  final RecordingListener listener = new RecordingListener();
  KeyValueStore store;
  ChainState state;

  /** Opens the backend's store in {@code folder}. */
  abstract KeyValueStore openStore(Path folder);

  /** What a restart leaves of {@code old}: the same store reopened. */
  abstract KeyValueStore reopenStore(Path folder, KeyValueStore old);

  @BeforeEach
  void open() {
    store = openStore(folder);
    state = ChainState.open(store, "test store", DEV, clock);
    state.addListener(listener);
  }

  @AfterEach
  void close() {
    store.close();
  }

  void restart() {
    store = reopenStore(folder, store);
    state = ChainState.open(store, "test store", DEV, clock);
    state.addListener(listener);
  }

  void submitAll(List<Block> blocks) {
    for (Block block : blocks) {
      assertThat(state.submitBlock(block))
          .isInstanceOfAny(SubmitVerdict.Accepted.class, SubmitVerdict.AlreadyKnown.class);
    }
  }

  /** The digest of a fresh state that only ever saw {@code blocks}. */
  UtxoDigest digestOfOnly(List<Block> blocks) {
    ChainState fresh = ChainState.open(new MemoryStore(), "memory", DEV, clock);
    for (Block block : blocks) {
      assertThat(fresh.submitBlock(block)).isInstanceOf(SubmitVerdict.Accepted.class);
    }
    return fresh.utxoDigest();
  }

  static Set<TxId> spendTxIds(List<Block> blocks) {
    return blocks.stream()
        .flatMap(b -> b.txs().stream())
        .filter(tx -> !tx.isCoinbase())
        .map(Tx::txId)
        .collect(Collectors.toSet());
  }

  @Test
  void aNewStoreHoldsTheGenesisBlockAndNoCoins() {
    ChainTip tip = state.tip();
    assertThat(tip.hash()).isEqualTo(DEV.genesisHash());
    assertThat(tip.height()).isZero();
    assertThat(tip.chainWork()).isEqualTo(DEV.genesis().header().bits().work());
    assertThat(tip.medianTimePast()).isEqualTo(DEV.genesisTime());
    assertThat(state.hashAt(0)).contains(DEV.genesisHash());
    assertThat(state.hashAt(1)).isEmpty();
    assertThat(state.block(DEV.genesisHash())).contains(DEV.genesis());
    assertThat(state.locator()).containsExactly(DEV.genesisHash());
    Tx coinbase = DEV.genesis().txs().get(0);
    assertThat(state.coin(new OutPoint(coinbase.txId(), 0))).as("genesis coinbase").isEmpty();
    assertThat(state.utxoDigest().coins()).isZero();
  }

  @Test
  void connectsAChainWithSpendsAndTellsListenersInOrder() {
    TestBranch branch = TestBranch.fromGenesis(DEV, 0).extend(130, 3);
    for (Block block : branch.above(0)) {
      SubmitVerdict verdict = state.submitBlock(block);
      assertThat(verdict).isInstanceOf(SubmitVerdict.Accepted.class);
      assertThat(((SubmitVerdict.Accepted) verdict).onActiveChain()).isTrue();
    }
    assertThat(state.tip().hash()).isEqualTo(branch.tip().hash());
    assertThat(state.tip().height()).isEqualTo(130);
    assertThat(spendTxIds(branch.above(0))).isNotEmpty();
    assertThat(state.utxoDigest()).isEqualTo(branch.expectedDigest());
    assertThat(listener.events).hasSize(130).startsWith("+1", "+2").endsWith("+130");
    assertThat(listener.connected).isEqualTo(branch.above(0));
    for (int h = 0; h <= 130; h++) {
      assertThat(state.hashAt(h)).contains(branch.at(h).hash());
      assertThat(state.isOnActiveChain(branch.at(h).hash())).isTrue();
    }
    BlockIndexEntry entry = state.entry(branch.tip().hash()).orElseThrow();
    assertThat(entry.status()).isEqualTo(BlockStatus.VALID);
    assertThat(entry.chainWork())
        .isEqualTo(DEV.powLimit().work().multiply(java.math.BigInteger.valueOf(131)));
  }

  @Test
  void theTipsMedianTimePastIsTheMiddleOfTheLastElevenTimes() {
    TestBranch branch = TestBranch.fromGenesis(DEV, 0).extend(20, 0);
    submitAll(branch.above(0));
    // Times are genesis + height; the last eleven are heights 10..20, whose middle is 15.
    assertThat(state.tip().medianTimePast()).isEqualTo(DEV.genesisTime() + 15);
    assertThat(state.tip().time()).isEqualTo(DEV.genesisTime() + 20);
  }

  @Test
  void aBlockSubmittedTwiceIsAlreadyKnown() {
    TestBranch branch = TestBranch.fromGenesis(DEV, 0).extend(3, 0);
    submitAll(branch.above(0));
    listener.clear();
    assertThat(state.submitBlock(branch.at(2)))
        .isEqualTo(new SubmitVerdict.AlreadyKnown(branch.at(2).hash()));
    assertThat(state.submitBlock(DEV.genesis()))
        .isEqualTo(new SubmitVerdict.AlreadyKnown(DEV.genesisHash()));
    assertThat(listener.events).isEmpty();
    assertThat(state.tip().hash()).isEqualTo(branch.tip().hash());
  }

  @Test
  void aBlockWithAnUnknownParentIsNotKept() {
    TestBranch branch = TestBranch.fromGenesis(DEV, 0).extend(3, 0);
    Block orphan = branch.at(3);
    assertThat(state.submitBlock(orphan))
        .isEqualTo(new SubmitVerdict.MissingParent(orphan.hash(), branch.at(2).hash()));
    assertThat(state.entry(orphan.hash())).isEmpty();
    assertThat(state.block(orphan.hash())).isEmpty();
    submitAll(branch.above(0));
    assertThat(state.tip().hash()).isEqualTo(orphan.hash());
  }

  @Test
  void reorganisationOfDepthOne() {
    checkReorganisation(5, 1);
  }

  @Test
  void reorganisationOfDepthTen() {
    checkReorganisation(120, 10);
  }

  @Test
  void reorganisationOfDepth150() {
    checkReorganisation(260, 150);
  }

  /** A chain of {@code length}, then a branch from {@code depth} below its tip that wins by one. */
  void checkReorganisation(int length, int depth) {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(length, 2);
    int forkHeight = length - depth;
    TestBranch winner = main.fork(forkHeight, 3).extend(depth + 1, 2);
    submitAll(main.above(0));
    assertThat(state.utxoDigest()).isEqualTo(main.expectedDigest());
    listener.clear();
    List<Block> newBlocks = winner.above(forkHeight);
    for (int i = 0; i < newBlocks.size() - 1; i++) {
      SubmitVerdict verdict = state.submitBlock(newBlocks.get(i));
      assertThat(verdict)
          .isEqualTo(
              new SubmitVerdict.Accepted(newBlocks.get(i).hash(), forkHeight + i + 1, false));
    }
    assertThat(listener.events).as("a branch with no more work changes nothing").isEmpty();
    assertThat(state.tip().hash()).isEqualTo(main.tip().hash());

    Block decisive = newBlocks.get(newBlocks.size() - 1);
    assertThat(state.submitBlock(decisive))
        .isEqualTo(new SubmitVerdict.Accepted(decisive.hash(), length + 1, true));
    assertThat(state.tip().hash()).isEqualTo(winner.tip().hash());
    assertThat(state.tip().height()).isEqualTo(length + 1);

    List<String> expected = new ArrayList<>();
    for (int h = length; h > forkHeight; h--) {
      expected.add("-" + h);
    }
    for (int h = forkHeight + 1; h <= length + 1; h++) {
      expected.add("+" + h);
    }
    assertThat(listener.events).isEqualTo(expected);
    List<Block> lost = main.above(forkHeight);
    assertThat(listener.disconnected).isEqualTo(lost.reversed());
    assertThat(spendTxIds(listener.disconnected)).isEqualTo(spendTxIds(lost));
    assertThat(listener.connected).isEqualTo(newBlocks);

    UtxoDigest digest = state.utxoDigest();
    assertThat(digest).isEqualTo(winner.expectedDigest());
    assertThat(digest).isEqualTo(digestOfOnly(winner.above(0)));
    for (Block block : lost) {
      assertThat(state.isOnActiveChain(block.hash())).isFalse();
      assertThat(state.entry(block.hash()).orElseThrow().status()).isEqualTo(BlockStatus.VALID);
    }
    for (int h = 0; h <= length + 1; h++) {
      assertThat(state.hashAt(h)).contains(winner.at(h).hash());
    }
    assertTxIndexFollows(winner.above(0), lost);
    restart();
    assertTxIndexFollows(winner.above(0), lost);
  }

  /**
   * The transaction index finds every transaction of {@code active} where it is, and none of {@code
   * lost} that {@code active} does not hold too (a spend re-mined on the winning branch is found in
   * its new block).
   */
  void assertTxIndexFollows(List<Block> active, List<Block> lost) {
    Set<TxId> onActive = new java.util.HashSet<>();
    for (Block block : active) {
      for (int i = 0; i < block.txs().size(); i++) {
        TxId txId = block.txs().get(i).txId();
        onActive.add(txId);
        assertThat(state.findTransaction(txId)).contains(new TxLocation(block.hash(), i));
      }
    }
    int gone = 0;
    for (Block block : lost) {
      for (Tx tx : block.txs()) {
        if (!onActive.contains(tx.txId())) {
          assertThat(state.findTransaction(tx.txId())).as("lost " + tx.txId()).isEmpty();
          gone++;
        }
      }
    }
    assertThat(gone).as("the losing branch's own transactions").isPositive();
  }

  @Test
  void aBranchWithEqualWorkDoesNotTakeOverTheFirstSeen() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(5, 0);
    TestBranch rival = main.fork(3, 1).extend(2, 0);
    submitAll(main.above(0));
    submitAll(rival.above(3));
    assertThat(state.tip().hash()).isEqualTo(main.tip().hash());
    assertThat(state.entry(rival.tip().hash()).orElseThrow().status())
        .isEqualTo(BlockStatus.STORED);
    restart();
    state.activateBestChain();
    assertThat(state.tip().hash()).isEqualTo(main.tip().hash());
  }

  @Test
  void theBranchBackTakesOverAgainWhenItGrows() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(110, 1);
    TestBranch other = main.fork(100, 5).extend(12, 2);
    submitAll(main.above(0));
    submitAll(other.above(100));
    assertThat(state.tip().hash()).isEqualTo(other.tip().hash());
    main.extend(3, 2);
    submitAll(main.above(110));
    assertThat(state.tip().hash()).isEqualTo(main.tip().hash());
    assertThat(state.utxoDigest()).isEqualTo(main.expectedDigest());
  }

  @Test
  void aFailingBlockOnAHeavierBranchIsMarkedWithItsDescendantsAndTheStateReturns() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(110, 2);
    submitAll(main.above(0));
    UtxoDigest before = state.utxoDigest();
    int fork = 105;
    TestBranch bad = main.fork(fork, 7).extend(2, 1);
    Block invalid = bad.append(List.of(bad.spendNothing()));
    bad.extend(4, 1);
    List<Block> blocks = bad.above(fork);
    listener.clear();
    for (int i = 0; i < 5; i++) {
      assertThat(state.submitBlock(blocks.get(i))).isInstanceOf(SubmitVerdict.Accepted.class);
    }
    assertThat(listener.events).isEmpty();

    SubmitVerdict verdict = state.submitBlock(blocks.get(5));
    assertThat(verdict).isInstanceOf(SubmitVerdict.KnownInvalid.class);
    assertThat(((SubmitVerdict.KnownInvalid) verdict).detail())
        .contains("descends from " + invalid.hash())
        .contains("bad-txns-inputs-missingorspent");
    assertThat(state.tip().hash()).isEqualTo(main.tip().hash());
    assertThat(state.utxoDigest()).isEqualTo(before);
    assertThat(listener.events)
        .containsExactly(
            "-110", "-109", "-108", "-107", "-106", "+106", "+107", "-107", "-106", "+106", "+107",
            "+108", "+109", "+110");

    assertThat(state.entry(blocks.get(0).hash()).orElseThrow().status())
        .isEqualTo(BlockStatus.VALID);
    for (Block failed : blocks.subList(2, 6)) {
      assertThat(state.entry(failed.hash()).orElseThrow().status().failed()).isTrue();
    }
    assertThat(state.submitBlock(invalid)).isInstanceOf(SubmitVerdict.KnownInvalid.class);
    assertThat(state.submitBlock(blocks.get(6)))
        .isEqualTo(
            new SubmitVerdict.KnownInvalid(
                blocks.get(6).hash(),
                "its parent " + blocks.get(5).hash() + " or an ancestor broke a rule"));
    restart();
    assertThat(state.entry(invalid.hash()).orElseThrow().status().failed()).isTrue();
    state.activateBestChain();
    assertThat(state.tip().hash()).isEqualTo(main.tip().hash());
  }

  @Test
  void theInvalidBlockItselfIsRejectedWithItsReason() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(3, 0);
    submitAll(main.above(0));
    Block invalid = main.append(List.of(main.spendNothing()));
    SubmitVerdict verdict = state.submitBlock(invalid);
    assertThat(verdict).isInstanceOf(SubmitVerdict.Rejected.class);
    assertThat(((SubmitVerdict.Rejected) verdict).reason())
        .isEqualTo(RejectReason.MISSING_OR_SPENT_INPUTS);
    assertThat(state.tip().height()).isEqualTo(3);
  }

  @Test
  void aBlockWithoutProofOfWorkIsRejectedAndNotKept() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(1, 0);
    Block good = main.tip();
    Block bad = good;
    for (long nonce = good.header().nonce() + 1; bad.header().hasProofOfWork(); nonce++) {
      bad = Block.of(good.header().withNonce(nonce), good.txs());
    }
    SubmitVerdict verdict = state.submitBlock(bad);
    assertThat(verdict).isInstanceOf(SubmitVerdict.Rejected.class);
    assertThat(((SubmitVerdict.Rejected) verdict).reason()).isEqualTo(RejectReason.HIGH_HASH);
    assertThat(state.entry(bad.hash())).isEmpty();
    assertThat(state.submitBlock(good)).isInstanceOf(SubmitVerdict.Accepted.class);
  }

  @Test
  void tamperedTransactionsDoNotCondemnTheHeader() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(102, 0);
    submitAll(main.above(0).subList(0, 101));
    Block good = main.tip();
    Block tampered = Block.of(good.header(), List.of(good.txs().get(0), main.spendNothing()));
    assertThat(tampered.hash()).isEqualTo(good.hash());
    SubmitVerdict verdict = state.submitBlock(tampered);
    assertThat(verdict).isInstanceOf(SubmitVerdict.Rejected.class);
    assertThat(((SubmitVerdict.Rejected) verdict).reason()).isEqualTo(RejectReason.BAD_MERKLE_ROOT);
    assertThat(state.entry(good.hash())).isEmpty();
    assertThat(state.submitBlock(good)).isInstanceOf(SubmitVerdict.Accepted.class);
    assertThat(state.tip().hash()).isEqualTo(good.hash());
  }

  @Test
  void aBlockTooFarInTheFutureIsRejected() {
    Block future =
        TestBranch.mine(
            DEV,
            DEV.genesis(),
            0,
            clock.now().getEpochSecond() + DEV.maxFutureBlockTime() + 1,
            List.of(
                Tx.coinbase(
                    1,
                    List.of(
                        new org.equinode.chain.tx.TxOut(DEV.subsidyAt(1), TestBranch.lockOf(0))),
                    new byte[0])));
    SubmitVerdict verdict = state.submitBlock(future);
    assertThat(verdict).isInstanceOf(SubmitVerdict.Rejected.class);
    assertThat(((SubmitVerdict.Rejected) verdict).reason()).isEqualTo(RejectReason.TIME_TOO_NEW);
  }

  @Test
  void aRestartKeepsTheChainTheCoinsAndTheSideBranches() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(115, 2);
    TestBranch side = main.fork(108, 9).extend(7, 2);
    submitAll(main.above(0));
    submitAll(side.above(108));
    UtxoDigest digest = state.utxoDigest();
    List<BlockHash> locator = state.locator();
    restart();
    assertThat(state.tip().hash()).isEqualTo(main.tip().hash());
    assertThat(state.tip().height()).isEqualTo(115);
    assertThat(state.utxoDigest()).isEqualTo(digest);
    assertThat(state.locator()).isEqualTo(locator);
    assertThat(state.block(side.tip().hash())).contains(side.tip());
    listener.clear();
    side.extend(1, 1);
    assertThat(state.submitBlock(side.tip())).isInstanceOf(SubmitVerdict.Accepted.class);
    assertThat(state.tip().hash()).isEqualTo(side.tip().hash());
    assertThat(listener.events).hasSize(7 + 8);
    assertThat(state.utxoDigest()).isEqualTo(side.expectedDigest());
  }

  @Test
  void aLocatorStepsBackExponentiallyAndFindsTheForkPoint() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(100, 0);
    submitAll(main.above(0));
    List<Integer> heights = new ArrayList<>();
    for (BlockHash hash : state.locator()) {
      heights.add(state.entry(hash).orElseThrow().height());
    }
    assertThat(heights)
        .containsExactly(100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 89, 85, 77, 61, 29, 0);
    TestBranch other = main.fork(80, 4).extend(30, 0);
    ChainState peer = ChainState.open(new MemoryStore(), "memory", DEV, clock);
    for (Block block : other.above(0)) {
      peer.submitBlock(block);
    }
    // The peer's locator: 110..101, 99, 95, 87, 71, ...; 71 is the first at or below the fork.
    assertThat(state.forkPoint(peer.locator()).height()).isEqualTo(71);
    assertThat(state.forkPoint(List.of()).hash()).isEqualTo(DEV.genesisHash());
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheChain() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(2, 0);
    state.addListener(
        new ChainListener() {
          @Override
          public void blockConnected(Block block, int height) {
            throw new IllegalStateException("listener bug at " + height);
          }

          @Override
          public void blockDisconnected(Block block, int height) {}
        });
    assertThatThrownBy(() -> state.submitBlock(main.at(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("listener bug at 1");
    assertThat(state.tip().height()).isEqualTo(1);
    assertThat(listener.events).containsExactly("+1");
  }

  @Test
  void aRebuildFromTheStoredBlocksReachesTheSameState() {
    TestBranch main = TestBranch.fromGenesis(DEV, 0).extend(112, 2);
    TestBranch side = main.fork(104, 6).extend(6, 2);
    TestBranch bad = main.fork(110, 2);
    bad.append(List.of(bad.spendNothing()));
    bad.extend(2, 0);
    submitAll(main.above(0));
    submitAll(side.above(104));
    state.submitBlock(bad.at(111));
    state.submitBlock(bad.at(112));
    assertThat(state.submitBlock(bad.at(113))).isInstanceOf(SubmitVerdict.KnownInvalid.class);
    UtxoDigest digest = state.utxoDigest();
    List<BlockHash> locator = state.locator();
    ChainState rebuilt = ChainState.rebuild(store, "test store", DEV, clock);
    assertThat(rebuilt.tip()).isEqualTo(state.tip());
    assertThat(rebuilt.utxoDigest()).isEqualTo(digest);
    assertThat(rebuilt.locator()).isEqualTo(locator);
    assertThat(rebuilt.entry(side.tip().hash())).isEqualTo(state.entry(side.tip().hash()));
    assertThat(rebuilt.entry(side.at(110).hash()).orElseThrow().status())
        .as("replayed along the most work first, the side branch was never connected")
        .isEqualTo(BlockStatus.STORED);
    assertThat(rebuilt.entry(bad.at(111).hash()).orElseThrow().status().failed()).isTrue();
    assertThat(rebuilt.entry(bad.at(112).hash())).as("descends from a failed block").isEmpty();
    assertThat(rebuilt.block(bad.at(112).hash())).isEmpty();
    restart();
    assertThat(state.utxoDigest()).isEqualTo(digest);
  }
}
