package org.equinode.benchmarks;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.consensus.Asert;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.SigHash;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.crypto.TaggedHash;

/**
 * A generated chain for {@link BlockConnectBench}: setup blocks (coinbases to one miner key, the
 * blocks that let them mature, then fan-out transactions paying one output to each of many distinct
 * keys), and after them full blocks ({@link Block#MAX_BLOCK_SIZE}, at most {@link
 * Block#MAX_BLOCK_TXS}) of one-input transactions, each spending a fan-out output with its own key
 * and paying one or two outputs. Deterministic for a seed; keys and signatures are computed on all
 * cores.
 */
final class FullBlockChain {
  /** Outputs of one fan-out transaction (each 40 bytes: well within {@link Tx#MAX_TX_SIZE}). */
  static final int FAN_OUT = 1_000;

  private static final long FEE_UNITS = 1_000;
  private static final TaggedHash KEY_SEED = TaggedHash.of("eq/bench/key");
  private static final TaggedHash OUTPUT = TaggedHash.of("eq/bench/output");

  /** One signature of the full blocks: the spending key, the signature hash, the signature. */
  static final class Signed {
    private final byte[] publicKey;
    private final byte[] message;
    private final byte[] signature;

    Signed(byte[] publicKey, byte[] message, byte[] signature) {
      this.publicKey = publicKey;
      this.message = message;
      this.signature = signature;
    }

    byte[] publicKey() {
      return publicKey;
    }

    byte[] message() {
      return message;
    }

    byte[] signature() {
      return signature;
    }
  }

  private final List<Block> setup;
  private final List<byte[]> fullBlocks;
  private final List<Signed> signatures;
  private final long lastTime;

  private FullBlockChain(
      List<Block> setup, List<byte[]> fullBlocks, List<Signed> signatures, long lastTime) {
    this.setup = setup;
    this.fullBlocks = fullBlocks;
    this.signatures = signatures;
    this.lastTime = lastTime;
  }

  /** The blocks before the full ones, connected outside the timed part. */
  List<Block> setup() {
    return setup;
  }

  /** The full blocks, encoded as they arrive from a peer. */
  List<byte[]> fullBlocks() {
    return fullBlocks;
  }

  /** Every signature of the full blocks (one per transaction), in block order. */
  List<Signed> signatures() {
    return signatures;
  }

  /** The time of the last block: a clock at this time accepts every block. */
  long lastTime() {
    return lastTime;
  }

  static FullBlockChain generate(ChainParams params, int fullBlockCount, long seed) {
    Builder builder = new Builder(params);
    Ed25519PrivateKey miner = key(-1);
    LockHash minerLock = new Lock.Sig(miner.publicKey()).hash();
    int funded = fullBlockCount * (Block.MAX_BLOCK_SIZE / minimumSpendSize() + 1);
    int fanOuts = (funded + FAN_OUT - 1) / FAN_OUT;
    List<Ed25519PrivateKey> keys =
        IntStream.range(0, fanOuts * FAN_OUT).parallel().mapToObj(FullBlockChain::key).toList();

    List<Tx> coinbases = new ArrayList<>();
    for (int i = 0; i < fanOuts; i++) {
      coinbases.add(builder.mine(List.of(), minerLock).txs().get(0));
    }
    for (int i = 0; i < params.coinbaseMaturity(); i++) {
      builder.mine(List.of(), minerLock);
    }
    List<Tx> fanOutTxs = new ArrayList<>();
    for (int f = 0; f < fanOuts; f++) {
      TxOut spent = coinbases.get(f).body().outputs().get(0);
      long each = (spent.amount().units() - FEE_UNITS) / FAN_OUT;
      List<TxOut> outputs = new ArrayList<>(FAN_OUT);
      for (int j = 0; j < FAN_OUT; j++) {
        outputs.add(
            new TxOut(
                Amount.ofUnits(each), new Lock.Sig(keys.get(f * FAN_OUT + j).publicKey()).hash()));
      }
      TxBody body = new TxBody(1, List.of(new OutPoint(coinbases.get(f).txId(), 0)), outputs, 0);
      fanOutTxs.add(sign(body, spent, miner).tx());
    }
    builder.mineFull(fanOutTxs, minerLock);
    List<Block> setup = List.copyOf(builder.blocks);
    builder.blocks.clear();

    SplittableRandom random = new SplittableRandom(seed);
    List<TxBody> bodies = new ArrayList<>(keys.size());
    List<TxOut> spentOutputs = new ArrayList<>(keys.size());
    for (int k = 0; k < keys.size(); k++) {
      Tx fanOut = fanOutTxs.get(k / FAN_OUT);
      TxOut spent = fanOut.body().outputs().get(k % FAN_OUT);
      long left = spent.amount().units() - FEE_UNITS;
      List<TxOut> outputs =
          random.nextBoolean()
              ? List.of(new TxOut(Amount.ofUnits(left), randomLock(random)))
              : List.of(
                  new TxOut(Amount.ofUnits(left / 2), randomLock(random)),
                  new TxOut(Amount.ofUnits(left - left / 2), randomLock(random)));
      bodies.add(new TxBody(1, List.of(new OutPoint(fanOut.txId(), k % FAN_OUT)), outputs, 0));
      spentOutputs.add(spent);
    }
    List<SignedTx> spends =
        IntStream.range(0, bodies.size())
            .parallel()
            .mapToObj(k -> sign(bodies.get(k), spentOutputs.get(k), keys.get(k)))
            .toList();
    List<Signed> signatures = new ArrayList<>();
    int next = 0;
    for (int b = 0; b < fullBlockCount; b++) {
      List<SignedTx> taken = builder.take(spends, next);
      next += taken.size();
      builder.mine(taken.stream().map(SignedTx::tx).toList(), minerLock);
      taken.forEach(spend -> signatures.add(spend.signed()));
    }
    List<byte[]> encoded = builder.blocks.stream().map(Block::encode).toList();
    return new FullBlockChain(setup, encoded, List.copyOf(signatures), builder.time);
  }

  private record SignedTx(Tx tx, Signed signed) {}

  private static SignedTx sign(TxBody body, TxOut spent, Ed25519PrivateKey key) {
    byte[] message = SigHash.of(body, List.of(spent)).forInput(0).toByteArray();
    Ed25519Signature signature = key.sign(message);
    Tx tx =
        Tx.of(
            body,
            List.of(
                new InputWitness.Spend(new Lock.Sig(key.publicKey()), new Witness.Sig(signature))));
    return new SignedTx(
        tx, new Signed(key.publicKey().toByteArray(), message, signature.toByteArray()));
  }

  private static Ed25519PrivateKey key(int index) {
    return Ed25519PrivateKey.fromSeed(
        KEY_SEED.hash(ByteBuffer.allocate(Integer.BYTES).putInt(index).array()).toByteArray());
  }

  private static LockHash randomLock(SplittableRandom random) {
    byte[] bytes = new byte[Hash32.LENGTH];
    random.nextBytes(bytes);
    return new LockHash(OUTPUT.hash(bytes));
  }

  /** The size of the smallest spend (one output), to bound how many fit in a block. */
  private static int minimumSpendSize() {
    Ed25519PrivateKey key = key(-2);
    TxOut spent = new TxOut(Amount.ofUnits(2 * FEE_UNITS), new Lock.Sig(key.publicKey()).hash());
    TxBody body =
        new TxBody(
            1,
            List.of(new OutPoint(new org.equinode.chain.TxId(Hash32.ZERO), 0)),
            List.of(new TxOut(Amount.ofUnits(FEE_UNITS), spent.lockHash())),
            0);
    return sign(body, spent, key).tx().size();
  }

  /** Appends blocks one after the other: times one spacing apart, ASERT's target, ground nonce. */
  private static final class Builder {
    private final ChainParams params;
    private final List<Block> blocks = new ArrayList<>();
    private Block tip;
    private int height;
    private long time;

    Builder(ChainParams params) {
      this.params = params;
      this.tip = params.genesis();
      this.time = tip.header().time();
    }

    /** As many of {@code txs} from {@code from} on as fit in one block beside a coinbase. */
    List<SignedTx> take(List<SignedTx> txs, int from) {
      int room = Block.MAX_BLOCK_SIZE - BlockHeader.ENCODED_LENGTH - 5 - coinbaseSize();
      int end = from;
      while (end < txs.size()
          && end - from < Block.MAX_BLOCK_TXS - 1
          && txs.get(end).tx().size() <= room) {
        room -= txs.get(end).tx().size();
        end++;
      }
      if (end == txs.size()) {
        throw new IllegalStateException("ran out of funded keys: fund more outputs");
      }
      return txs.subList(from, end);
    }

    /** Mines {@code txs} in as few blocks as hold them. */
    void mineFull(List<Tx> txs, LockHash minerLock) {
      List<Tx> pending = new ArrayList<>();
      int size = 0;
      int room = Block.MAX_BLOCK_SIZE - BlockHeader.ENCODED_LENGTH - 5 - coinbaseSize();
      for (Tx tx : txs) {
        if (size + tx.size() > room) {
          mine(pending, minerLock);
          pending.clear();
          size = 0;
        }
        pending.add(tx);
        size += tx.size();
      }
      if (!pending.isEmpty()) {
        mine(pending, minerLock);
      }
    }

    Block mine(List<Tx> txs, LockHash minerLock) {
      long fees = txs.size() * FEE_UNITS;
      Amount reward = params.subsidyAt(height + 1).add(Amount.ofUnits(fees));
      List<Tx> all = new ArrayList<>(txs.size() + 1);
      all.add(Tx.coinbase(height + 1, List.of(new TxOut(reward, minerLock)), new byte[0]));
      all.addAll(txs);
      CompactTarget bits = Asert.of(params).nextBits(height, time);
      long blockTime = time + params.targetSpacing();
      BlockHeader header =
          new BlockHeader(
              1, tip.hash(), Block.txRoot(all), Block.witnessRoot(all), blockTime, bits, 0);
      for (long nonce = 1; !header.hasProofOfWork(); nonce++) {
        header = header.withNonce(nonce);
      }
      tip = Block.of(header, all);
      height++;
      time = blockTime;
      blocks.add(tip);
      return tip;
    }

    private int coinbaseSize() {
      return Tx.coinbase(
              height + 1, List.of(new TxOut(Amount.ZERO, new LockHash(Hash32.ZERO))), new byte[0])
          .size();
    }
  }
}
