package org.equinode.chain.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.jspecify.annotations.Nullable;

/**
 * Builds the next block of a {@link TestChain}: by default valid (time one spacing after the
 * parent, ASERT's target, a coinbase at the right height claiming the subsidy plus the fees,
 * correct roots, a nonce that meets the target), with setters that break one thing at a time.
 */
public final class BlockMaker {
  private final TestChain chain;
  private final List<Tx> txs = new ArrayList<>();
  private long time;
  private CompactTarget bits;
  private int coinbaseHeight;
  private long extraCoinbaseUnits;
  private byte[] coinbaseData = new byte[0];
  private boolean withCoinbase = true;
  private @Nullable Hash32 txRoot;
  private @Nullable Hash32 witnessRoot;
  private boolean meetTarget = true;

  BlockMaker(TestChain chain) {
    this.chain = chain;
    BlockHeader parent = chain.tip().header();
    this.time = parent.time() + TestChain.PARAMS.targetSpacing();
    this.bits = Asert.of(TestChain.PARAMS).nextBits(chain.height(), parent.time());
    this.coinbaseHeight = chain.height() + 1;
  }

  public BlockMaker add(Tx... more) {
    txs.addAll(List.of(more));
    return this;
  }

  public BlockMaker time(long newTime) {
    this.time = newTime;
    return this;
  }

  public BlockMaker bits(CompactTarget newBits) {
    this.bits = newBits;
    return this;
  }

  /** The height written in the coinbase's lock time. */
  public BlockMaker coinbaseHeight(int height) {
    this.coinbaseHeight = height;
    return this;
  }

  /** Makes the coinbase claim this many units more than the subsidy plus the fees. */
  public BlockMaker coinbaseExcess(long units) {
    this.extraCoinbaseUnits = units;
    return this;
  }

  public BlockMaker coinbaseData(byte[] data) {
    this.coinbaseData = data.clone();
    return this;
  }

  /** Leaves the coinbase out: the block starts with the first added transaction. */
  public BlockMaker noCoinbase() {
    this.withCoinbase = false;
    return this;
  }

  public BlockMaker txRoot(Hash32 root) {
    this.txRoot = root;
    return this;
  }

  public BlockMaker witnessRoot(Hash32 root) {
    this.witnessRoot = root;
    return this;
  }

  /** Grinds a nonce whose hash does not meet the target. */
  public BlockMaker highHash() {
    this.meetTarget = false;
    return this;
  }

  /** The coinbase this maker puts first. */
  public Tx coinbase() {
    Amount value =
        TestChain.PARAMS
            .subsidyAt(chain.height() + 1)
            .add(fees())
            .add(Amount.ofUnits(extraCoinbaseUnits));
    return Tx.coinbase(
        coinbaseHeight, List.of(new TxOut(value, TestChain.minerLock().hash())), coinbaseData);
  }

  /** The fees of the added transactions, as far as their inputs can be found. */
  private Amount fees() {
    Map<OutPoint, TxOut> created = new HashMap<>();
    long fees = 0;
    for (Tx tx : txs) {
      long in = 0;
      for (OutPoint input : tx.body().inputs()) {
        Optional<TxOut> spent =
            Optional.ofNullable(created.get(input))
                .or(() -> chain.utxos().coin(input).map(Coin::output));
        in += spent.map(out -> out.amount().units()).orElse(0L);
      }
      for (int i = 0; i < tx.body().outputs().size(); i++) {
        created.put(new OutPoint(tx.txId(), i), tx.body().outputs().get(i));
      }
      fees += Math.max(0, in - tx.body().outputTotal().units());
    }
    return Amount.ofUnits(fees);
  }

  public Block build() {
    List<Tx> all = new ArrayList<>();
    if (withCoinbase) {
      all.add(coinbase());
    }
    all.addAll(txs);
    BlockHeader header =
        new BlockHeader(
            1,
            chain.tip().hash(),
            txRoot != null ? txRoot : Block.txRoot(all),
            witnessRoot != null ? witnessRoot : Block.witnessRoot(all),
            time,
            bits,
            0);
    return Block.of(grind(header), all);
  }

  private BlockHeader grind(BlockHeader header) {
    for (long nonce = 0; ; nonce++) {
      BlockHeader candidate = header.withNonce(nonce);
      if (candidate.hasProofOfWork() == meetTarget) {
        return candidate;
      }
    }
  }
}
