package org.equinode.chain.consensus;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.TestKeys;
import org.equinode.chain.block.Block;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.common.Network;
import org.equinode.crypto.Ed25519PrivateKey;

/**
 * A chain on the DEV parameters held in memory for tests: its blocks from the genesis block on and
 * the UTXO set at its tip. Blocks join it only through {@link #connect}, which validates them with
 * {@link BlockRules#validate}, so a test chain is always valid. Mining on DEV takes about 256
 * hashes a block. Not thread-safe.
 */
public final class TestChain {
  public static final ChainParams PARAMS = ChainParams.of(Network.DEV);

  /** Every coinbase pays to SIG of this key. */
  public static final Ed25519PrivateKey MINER = TestKeys.privateKey(0);

  /** The clock the test chains are validated against: long after their blocks' times. */
  public static final long NOW = PARAMS.genesisTime() + 100_000;

  private final List<Block> blocks;
  private final MemoryUtxoView utxos;

  private TestChain(List<Block> blocks, MemoryUtxoView utxos) {
    this.blocks = blocks;
    this.utxos = utxos;
  }

  /** A chain of the genesis block alone (whose output is not spendable). */
  public static TestChain genesis() {
    return new TestChain(new ArrayList<>(List.of(PARAMS.genesis())), new MemoryUtxoView());
  }

  /** The chain made of the genesis block and {@code blocks}, each validated as it is connected. */
  public static TestChain replay(List<Block> blocks) {
    TestChain chain = genesis();
    blocks.forEach(chain::connect);
    return chain;
  }

  /** An independent copy: a fork that may grow differently. */
  public TestChain copy() {
    return new TestChain(new ArrayList<>(blocks), utxos.copy());
  }

  public static Lock minerLock() {
    return new Lock.Sig(MINER.publicKey());
  }

  public int height() {
    return blocks.size() - 1;
  }

  public Block tip() {
    return blocks.get(blocks.size() - 1);
  }

  public Block block(int height) {
    return blocks.get(height);
  }

  /** The blocks after the genesis block, in order. */
  public List<Block> blocksAfterGenesis() {
    return List.copyOf(blocks.subList(1, blocks.size()));
  }

  public UtxoView utxos() {
    return utxos;
  }

  /** The context of the next block, checked at {@code now}. */
  public HeaderContext context(long now) {
    List<Long> recent = new ArrayList<>();
    for (int h = Math.max(0, height() - PARAMS.medianTimeSpan() + 1); h <= height(); h++) {
      recent.add(blocks.get(h).header().time());
    }
    return HeaderContext.of(tip().header(), height(), recent, now);
  }

  /** Validates {@code block} as the next one at {@code now}. */
  public Verdict<ConnectedBlock> validate(Block block, long now, SignatureChecker checker) {
    return BlockRules.validate(block, context(now), utxos, PARAMS, checker);
  }

  /**
   * Appends {@code block}, which must be valid at {@link #NOW}.
   *
   * @throws AssertionError if it is not
   */
  public Block connect(Block block) {
    Verdict<ConnectedBlock> verdict = validate(block, NOW, SignatureChecker.sequential());
    if (!(verdict instanceof Verdict.Accept<ConnectedBlock> accept)) {
      throw new AssertionError("test chain block at height " + (height() + 1) + ": " + verdict);
    }
    utxos.apply(accept.result());
    blocks.add(block);
    return block;
  }

  /** A maker for the next block, by default valid and empty but for its coinbase. */
  public BlockMaker next() {
    return new BlockMaker(this);
  }

  /** Mines and connects the next block with these transactions. */
  public Block mine(Tx... txs) {
    return connect(next().add(txs).build());
  }

  /** Mines and connects {@code count} empty blocks. */
  public void mineEmpty(int count) {
    for (int i = 0; i < count; i++) {
      mine();
    }
  }

  /** The first output of the coinbase at {@code height}, paying to {@link #minerLock()}. */
  public Utxo coinbaseOutput(int height) {
    return output(blocks.get(height).txs().get(0), 0, height);
  }

  /** Output {@code index} of {@code tx}, created at {@code height}. */
  public static Utxo output(Tx tx, int index, int height) {
    return new Utxo(
        new OutPoint(tx.txId(), index),
        new Coin(tx.body().outputs().get(index), height, tx.isCoinbase()));
  }
}
