package org.equinode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.common.Hash32;
import org.equinode.common.Network;
import org.equinode.store.Durability;
import org.equinode.store.MemoryStore;
import org.equinode.store.WriteBatch;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open refuses a damaged chain state clearly; rebuild recomputes it from the stored blocks. */
class ChainStateDamageTest {
  private static final ChainParams DEV = ChainParams.of(Network.DEV);
  private static final String WHERE = "chain state in test store is damaged: ";

  private static TestBranch main;
  private static TestBranch side;

  private final TestClock clock =
      TestClock.at(Instant.ofEpochSecond(DEV.genesisTime() + 1_000_000));
  private MemoryStore store;
  private UtxoDigest digest;

  @BeforeAll
  static void branches() {
    main = TestBranch.fromGenesis(DEV, 0).extend(112, 2);
    side = main.fork(105, 3).extend(5, 2);
  }

  @BeforeEach
  void fill() {
    store = new MemoryStore();
    ChainState state = open();
    main.above(0).forEach(state::submitBlock);
    side.above(105).forEach(state::submitBlock);
    assertThat(state.tip().hash()).isEqualTo(main.tip().hash());
    digest = state.utxoDigest();
    assertThat(digest).isEqualTo(main.expectedDigest());
  }

  private ChainState open() {
    return ChainState.open(store, "test store", DEV, clock);
  }

  private void put(byte[] key, byte[] value) {
    store.write(new WriteBatch().put(key, value), Durability.PROCESS_CRASH);
  }

  private void delete(byte[] key) {
    store.write(new WriteBatch().delete(key), Durability.PROCESS_CRASH);
  }

  private void assertRefused(String message) {
    assertThatThrownBy(this::open)
        .isInstanceOf(ChainStateException.class)
        .hasMessageStartingWith(WHERE)
        .hasMessageContaining(message);
  }

  private void assertRebuildRestores() {
    ChainState rebuilt = ChainState.rebuild(store, "test store", DEV, clock);
    assertThat(rebuilt.tip().hash()).isEqualTo(main.tip().hash());
    assertThat(rebuilt.utxoDigest()).isEqualTo(digest);
    assertThat(rebuilt.entry(side.tip().hash())).isPresent();
    ChainState reopened = open();
    assertThat(reopened.tip().hash()).isEqualTo(main.tip().hash());
    assertThat(reopened.utxoDigest()).isEqualTo(digest);
  }

  @Test
  void aMissingTipRecord() {
    delete(StateKeys.tip());
    assertRefused("the tip record is missing");
    assertRebuildRestores();
  }

  @Test
  void aTipRecordThatIsNotTheLastHeight() {
    put(StateKeys.tip(), StateKeys.hashValue(main.at(100).hash()));
    assertRefused("the tip record names " + main.at(100).hash());
    assertRebuildRestores();
  }

  @Test
  void missingUndoDataOfTheTip() {
    delete(StateKeys.undo(main.tip().hash()));
    assertRefused("the undo data of the tip " + main.tip().hash() + " is missing");
    assertRebuildRestores();
  }

  @Test
  void aGapInTheHeightIndex() {
    delete(StateKeys.height(50));
    assertRefused("the height index has no block at height 50");
    assertRebuildRestores();
  }

  @Test
  void aHeightEntryThatNamesABlockOffTheChain() {
    put(StateKeys.height(107), StateKeys.hashValue(side.at(107).hash()));
    assertRefused("the block at height 107, " + side.at(107).hash() + ", is not marked fully");
    assertRebuildRestores();
  }

  @Test
  void anIndexEntryThatDoesNotDecode() {
    put(StateKeys.index(main.at(7).hash()), new byte[] {1, 2, 3});
    assertRefused("an index entry does not decode");
    assertRebuildRestores();
  }

  @Test
  void aMissingIndexEntry() {
    delete(StateKeys.index(main.at(9).hash()));
    assertRefused("the block at height 9, " + main.at(9).hash() + ", is not in the block index");
    assertRebuildRestores();
  }

  @Test
  void recordsWithoutAFormatRecord() {
    delete(StateKeys.format());
    assertRefused("it holds records but no format record");
    assertRebuildRestores();
  }

  @Test
  void anotherNetworksStoreIsRefused() {
    assertThatThrownBy(
            () -> ChainState.open(store, "test store", ChainParams.of(Network.TEST), clock))
        .isInstanceOf(ChainStateException.class)
        .hasMessageContaining("chain state in test store belongs to another network")
        .hasMessageContaining(DEV.genesisHash().toString());
    assertThatThrownBy(
            () -> ChainState.rebuild(store, "test store", ChainParams.of(Network.TEST), clock))
        .isInstanceOf(ChainStateException.class)
        .hasMessageContaining("belongs to another network");
  }

  @Test
  void anotherLayoutVersionIsRefused() {
    put(StateKeys.format(), new StateFormat(3, DEV.genesisHash()).encode());
    assertThatThrownBy(this::open)
        .isInstanceOf(ChainStateException.class)
        .hasMessage("chain state in test store has layout version 3; this node reads version 2");
  }

  @Test
  void aStoreOfTheLayoutBeforeTheTransactionIndexIsRebuiltWithIt() {
    List<byte[]> indexKeys = new ArrayList<>();
    store.scan(StateKeys.prefix(StateKeys.TX_LOCATION), (key, value) -> indexKeys.add(key));
    assertThat(indexKeys).hasSize(main.above(0).stream().mapToInt(b -> b.txs().size()).sum());
    indexKeys.forEach(this::delete);
    put(StateKeys.format(), new StateFormat(1, DEV.genesisHash()).encode());
    Tx spend = main.at(110).txs().get(1);
    ChainState upgraded = open();
    assertThat(upgraded.tip().hash()).isEqualTo(main.tip().hash());
    assertThat(upgraded.utxoDigest()).isEqualTo(digest);
    assertThat(upgraded.findTransaction(spend.txId()))
        .contains(new TxLocation(main.at(110).hash(), 1));
    assertThat(StateFormat.decode(store.get(StateKeys.format()).orElseThrow()).version())
        .isEqualTo(StateFormat.CURRENT);
  }

  @Test
  void anIndexRecordPointingAtAnotherTransactionIsReportedAsDamage() {
    Tx spend = main.at(110).txs().get(1);
    assertThat(open().confirmedTransaction(spend.txId())).contains(spend);
    put(StateKeys.txLocation(spend.txId()), new TxLocation(main.at(110).hash(), 0).encode());
    assertThatThrownBy(() -> open().confirmedTransaction(spend.txId()))
        .isInstanceOf(ChainStateException.class)
        .hasMessageContaining("the index places " + spend.txId() + " at position 0 of block");
  }

  @Test
  void rebuildRestoresALostTransactionIndex() {
    List<byte[]> indexKeys = new ArrayList<>();
    store.scan(StateKeys.prefix(StateKeys.TX_LOCATION), (key, value) -> indexKeys.add(key));
    indexKeys.forEach(this::delete);
    ChainState rebuilt = ChainState.rebuild(store, "test store", DEV, clock);
    for (Block block : main.above(0)) {
      for (int i = 0; i < block.txs().size(); i++) {
        assertThat(rebuilt.findTransaction(block.txs().get(i).txId()))
            .contains(new TxLocation(block.hash(), i));
      }
    }
    for (Block block : side.above(105)) {
      assertThat(rebuilt.findTransaction(block.txs().get(0).txId()))
          .as("the side branch's coinbase")
          .isEmpty();
    }
  }

  @Test
  void anInterruptedRebuildIsRefusedUntilARebuildCompletes() {
    put(StateKeys.rebuilding(), new byte[0]);
    delete(StateKeys.coin(main.expectedCoins().get(0)));
    assertThatThrownBy(this::open)
        .isInstanceOf(ChainStateException.class)
        .hasMessage(
            "chain state in test store was being rebuilt when the node stopped; rebuild it again");
    assertRebuildRestores();
    assertThat(store.contains(StateKeys.rebuilding())).isFalse();
  }

  @Test
  void lostCoinsAreFoundWhenTheTipIsDisconnectedAndRebuildRestoresThem() {
    List<byte[]> tipCoins = new ArrayList<>();
    Block tip = main.tip();
    for (int i = 0; i < tip.txs().size(); i++) {
      tipCoins.add(StateKeys.coin(new OutPoint(tip.txs().get(i).txId(), 0)));
    }
    delete(tipCoins.get(0));
    ChainState damaged = open();
    assertThat(damaged.utxoDigest()).isNotEqualTo(digest);
    TestBranch winner = main.fork(111, 8).extend(2, 0);
    assertThat(damaged.submitBlock(winner.at(112))).isInstanceOf(SubmitVerdict.Accepted.class);
    assertThatThrownBy(() -> damaged.submitBlock(winner.at(113)))
        .isInstanceOf(ChainStateException.class)
        .hasMessageStartingWith(WHERE)
        .hasMessageContaining("of the tip " + tip.hash() + " is not in the coin set");
    assertThat(open().tip().hash()).as("nothing was written").isEqualTo(tip.hash());
    ChainState rebuilt = ChainState.rebuild(store, "test store", DEV, clock);
    assertThat(rebuilt.tip().hash()).isEqualTo(winner.tip().hash());
    assertThat(rebuilt.utxoDigest()).isEqualTo(winner.expectedDigest());
  }

  @Test
  void aCoinThatDoesNotDecodeIsDamageNotAMissingCoin() {
    OutPoint outPoint = main.expectedCoins().get(0);
    put(StateKeys.coin(outPoint), new byte[] {9});
    ChainState state = open();
    assertThatThrownBy(() -> state.coin(outPoint))
        .isInstanceOf(ChainStateException.class)
        .hasMessageStartingWith(WHERE + "the coin " + outPoint + " does not decode: ");
    assertRebuildRestores();
  }

  @Test
  void rebuildDropsBlockRecordsThatDoNotDecodeOrAreMisfiled() {
    byte[] misfiled = StateKeys.block(new BlockHash(Hash32.ZERO));
    put(StateKeys.block(side.tip().hash()), new byte[] {0, 1, 2});
    put(misfiled, main.at(4).encode());
    ChainState rebuilt = ChainState.rebuild(store, "test store", DEV, clock);
    assertThat(rebuilt.tip().hash()).isEqualTo(main.tip().hash());
    assertThat(rebuilt.utxoDigest()).isEqualTo(digest);
    assertThat(rebuilt.entry(side.tip().hash())).isEmpty();
    assertThat(rebuilt.entry(side.at(109).hash())).isPresent();
    assertThat(store.contains(StateKeys.block(side.tip().hash()))).isFalse();
    assertThat(store.contains(misfiled)).isFalse();
  }
}
