package org.equinode.chain.mempool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.consensus.TestChain;
import org.equinode.chain.consensus.TxMaker;
import org.equinode.chain.consensus.Utxo;
import org.equinode.chain.consensus.UtxoView;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;

/**
 * A valid DEV chain for mempool and miner tests, seen through {@link MempoolChainView}: 100 empty
 * blocks, then at height {@link #FAN_HEIGHT} one transaction that splits the first coinbase into
 * {@link #COINS} coins of {@link #COIN_UNITS} units, all locked by {@code SIG} of {@link
 * TestChain#MINER}. Blocks join only through {@link TestChain}'s validation; {@link #rewind} goes
 * back to an earlier copy, as a disconnect would. Not thread-safe.
 */
public final class PoolChain implements MempoolChainView {
  public static final int COINS = 1_000;
  public static final long COIN_UNITS = Amount.parse("0.049").units();
  public static final int FAN_HEIGHT = 101;

  private static final TestChain BASE = build();
  private static final Tx FAN_OUT = BASE.block(FAN_HEIGHT).txs().get(1);

  private TestChain current;

  private PoolChain(TestChain current) {
    this.current = current;
  }

  /** A fresh copy of the base chain, its tip at {@link #FAN_HEIGHT}. */
  public static PoolChain create() {
    return new PoolChain(BASE.copy());
  }

  private static TestChain build() {
    TestChain chain = TestChain.genesis();
    chain.mineEmpty(FAN_HEIGHT - 1);
    List<TxOut> outputs = new ArrayList<>();
    for (int i = 0; i < COINS; i++) {
      outputs.add(new TxOut(Amount.ofUnits(COIN_UNITS), TestChain.minerLock().hash()));
    }
    chain.mine(TxMaker.sig(List.of(chain.coinbaseOutput(1)), outputs, 0, TestChain.MINER));
    return chain;
  }

  /** Coin {@code i} of the fan-out, spendable by {@link TestChain#MINER}. */
  public static Utxo coin(int i) {
    return TestChain.output(FAN_OUT, i, FAN_HEIGHT);
  }

  /**
   * Spends {@code inputs} (locked to the miner) into {@code outputs} equal outputs to the miner,
   * leaving {@code fee} units.
   */
  public static Tx pay(List<Utxo> inputs, long fee, int outputs) {
    long in = inputs.stream().mapToLong(utxo -> utxo.coin().output().amount().units()).sum();
    long each = (in - fee) / outputs;
    long first = in - fee - each * (outputs - 1);
    List<TxOut> outs = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      outs.add(new TxOut(Amount.ofUnits(i == 0 ? first : each), TestChain.minerLock().hash()));
    }
    return TxMaker.sig(inputs, outs, 0, TestChain.MINER);
  }

  /** Spends one input into one output, leaving {@code fee}. */
  public static Tx pay(Utxo input, long fee) {
    return pay(List.of(input), fee, 1);
  }

  /** {@code AND(SIG(miner), OLDER(1))}: spendable once the output is in a block. */
  public static final Lock OLDER_LOCK =
      new Lock.And(List.of(TestChain.minerLock(), new Lock.Older(1)));

  /** Spends {@code input} into one output locked by {@link #OLDER_LOCK}, leaving {@code fee}. */
  public static Tx payToOlder(Utxo input, long fee) {
    long value = input.coin().output().amount().units() - fee;
    return TxMaker.sig(
        List.of(input),
        List.of(new TxOut(Amount.ofUnits(value), OLDER_LOCK.hash())),
        0,
        TestChain.MINER);
  }

  /** Spends an output locked by {@link #OLDER_LOCK} to the miner, leaving {@code fee}. */
  public static Tx spendOlder(Utxo input, long fee) {
    long value = input.coin().output().amount().units() - fee;
    return TxMaker.spend(
        List.of(input),
        List.of(new TxOut(Amount.ofUnits(value), TestChain.minerLock().hash())),
        0,
        (sigHash, i) ->
            new InputWitness.Spend(
                OLDER_LOCK,
                new Witness.And(
                    List.of(
                        new Witness.Sig(TxMaker.sign(TestChain.MINER, sigHash, i)),
                        new Witness.Older()))));
  }

  /** Output {@code index} of an unconfirmed {@code tx}, for a child to spend. */
  public static Utxo out(Tx tx, int index) {
    return TestChain.output(tx, index, 0);
  }

  public static TestClock clock() {
    return TestClock.at(Instant.ofEpochSecond(TestChain.NOW));
  }

  public Mempool mempool(MempoolConfig config, TestClock clock) {
    return new Mempool(this, config, SignatureChecker.sequential(), clock, SeededRandom.of(7));
  }

  public Mempool mempool(TestClock clock) {
    return mempool(MempoolConfig.defaults(), clock);
  }

  public TestChain chain() {
    return current;
  }

  /** A copy of the chain now, to {@link #rewind} to. */
  public TestChain snapshot() {
    return current.copy();
  }

  /** Mines and connects the next block with {@code txs} (validated), and returns it. */
  public Block mine(Tx... txs) {
    return current.mine(txs);
  }

  /** Goes back to {@code earlier}, as if the blocks after it were disconnected. */
  public void rewind(TestChain earlier) {
    current = earlier.copy();
  }

  @Override
  public ChainParams params() {
    return TestChain.PARAMS;
  }

  @Override
  public Tip tip() {
    return new Tip(
        current.tip().hash(),
        current.height(),
        current.tip().header().time(),
        current.context(TestChain.NOW).medianTimePast());
  }

  @Override
  public UtxoView utxos() {
    return current.utxos();
  }
}
