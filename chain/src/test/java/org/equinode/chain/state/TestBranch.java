package org.equinode.chain.state;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.TestKeys;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.consensus.Asert;
import org.equinode.chain.consensus.Coin;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;
import org.equinode.chain.tx.TxSigner;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.TaggedHash;
import org.equinode.testing.SeededRandom;

/**
 * A branch of mined blocks for tests, from the genesis block up, that keeps its own book of the
 * coins it created so that later blocks can spend them with signed transactions. Blocks are one
 * second apart (the DEV spacing, which keeps ASERT's target at the limit). Two branches differ by
 * their salt: it picks the keys coinbases pay to and the coins spent.
 */
final class TestBranch {
  static final int KEYS = 8;
  static final Amount FEE = Amount.ofUnits(1_000);

  private static final List<Ed25519PrivateKey> PRIVATE_KEYS = keys();

  private final ChainParams params;
  private final List<Block> blocks;
  private final Map<OutPoint, Coin> coins;
  private final RandomGenerator random;
  private final int salt;

  private TestBranch(
      ChainParams params, List<Block> blocks, Map<OutPoint, Coin> coins, int salt, long seed) {
    this.params = params;
    this.blocks = blocks;
    this.coins = coins;
    this.salt = salt;
    this.random = SeededRandom.of(seed);
  }

  static TestBranch fromGenesis(ChainParams params, int salt) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(params.genesis());
    return new TestBranch(params, blocks, new LinkedHashMap<>(), salt, salt);
  }

  /** The branch made of the genesis block and {@code blocks} (heights 1, 2, ...), as they are. */
  static TestBranch adopt(ChainParams params, List<Block> blocks, int salt) {
    TestBranch branch = fromGenesis(params, salt);
    for (Block block : blocks) {
      branch.blocks.add(block);
      apply(branch.coins, block, branch.height());
    }
    return branch;
  }

  private static List<Ed25519PrivateKey> keys() {
    List<Ed25519PrivateKey> keys = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      keys.add(TestKeys.privateKey(i));
    }
    return List.copyOf(keys);
  }

  static LockHash lockOf(int key) {
    return new Lock.Sig(PRIVATE_KEYS.get(key).publicKey()).hash();
  }

  /** A new branch that shares this one's blocks up to {@code height}. */
  TestBranch fork(int height, int newSalt) {
    TestBranch fork =
        new TestBranch(
            params,
            new ArrayList<>(blocks.subList(0, height + 1)),
            new LinkedHashMap<>(),
            newSalt,
            newSalt);
    for (int h = 1; h <= height; h++) {
      apply(fork.coins, blocks.get(h), h);
    }
    return fork;
  }

  int height() {
    return blocks.size() - 1;
  }

  Block tip() {
    return blocks.get(height());
  }

  Block at(int height) {
    return blocks.get(height);
  }

  /** The blocks above {@code height}, lowest first. */
  List<Block> above(int height) {
    return List.copyOf(blocks.subList(height + 1, blocks.size()));
  }

  /** Mines {@code count} blocks, each with up to {@code spends} transactions spending one coin. */
  TestBranch extend(int count, int spends) {
    for (int i = 0; i < count; i++) {
      append(spendingTxs(spends));
    }
    return this;
  }

  /** Mines one block with these transactions after the coinbase, whatever they spend. */
  Block append(List<Tx> txs) {
    int height = height() + 1;
    Amount fees = Amount.ZERO;
    for (Tx tx : txs) {
      Amount in = Amount.ZERO;
      for (OutPoint input : tx.body().inputs()) {
        Coin coin = coins.get(input);
        in = in.add(coin == null ? Amount.ZERO : coin.output().amount());
      }
      fees = fees.add(in.trySubtract(tx.body().outputTotal()).orElse(Amount.ZERO));
    }
    Amount claim = params.subsidyAt(height).add(fees);
    Tx coinbase =
        Tx.coinbase(
            height,
            List.of(new TxOut(claim, lockOf(Math.floorMod(height + salt, KEYS)))),
            new byte[] {(byte) salt});
    List<Tx> all = new ArrayList<>();
    all.add(coinbase);
    all.addAll(txs);
    Block block = mine(params, tip(), height - 1, tip().header().time() + 1, all);
    blocks.add(block);
    apply(coins, block, height);
    return block;
  }

  /** Up to {@code count} transactions, each spending one mature coin of this branch. */
  List<Tx> spendingTxs(int count) {
    int height = height() + 1;
    List<Map.Entry<OutPoint, Coin>> mature = new ArrayList<>();
    for (Map.Entry<OutPoint, Coin> entry : coins.entrySet()) {
      Coin coin = entry.getValue();
      if ((!coin.coinbase() || height - coin.height() >= params.coinbaseMaturity())
          && coin.output().amount().units() > 4 * FEE.units()) {
        mature.add(entry);
      }
    }
    List<Tx> txs = new ArrayList<>();
    for (int i = 0; i < count && !mature.isEmpty(); i++) {
      Map.Entry<OutPoint, Coin> chosen = mature.remove(random.nextInt(mature.size()));
      txs.add(spend(chosen.getKey(), chosen.getValue().output()));
    }
    return txs;
  }

  /** A signed transaction spending {@code input} to two of the test keys. */
  Tx spend(OutPoint input, TxOut spent) {
    long rest = spent.amount().units() - FEE.units();
    long first = 1 + random.nextLong(rest - 1);
    TxBody body =
        new TxBody(
            1,
            List.of(input),
            List.of(
                new TxOut(Amount.ofUnits(first), lockOf(random.nextInt(KEYS))),
                new TxOut(Amount.ofUnits(rest - first), lockOf(random.nextInt(KEYS)))),
            0);
    return TxSigner.signAll(body, List.of(spent), PRIVATE_KEYS);
  }

  /** A signed transaction spending an output that never existed. */
  Tx spendNothing() {
    OutPoint nowhere = new OutPoint(new TxId(Hash32.of(SeededRandom.bytes(random, 32))), 0);
    return spend(nowhere, new TxOut(Amount.ofEq(1), lockOf(0)));
  }

  /** An unspent coin of this branch, if any, for building double spends. */
  Optional<OutPoint> anyCoin() {
    return coins.keySet().stream().findFirst();
  }

  Optional<Coin> coin(OutPoint outPoint) {
    return Optional.ofNullable(coins.get(outPoint));
  }

  /** The outpoints of this branch's unspent coins, oldest first. */
  List<OutPoint> expectedCoins() {
    return List.copyOf(coins.keySet());
  }

  /** The digest that a chain state whose tip is this branch's must report. */
  UtxoDigest expectedDigest() {
    List<byte[][]> records = new ArrayList<>();
    coins.forEach(
        (outPoint, coin) ->
            records.add(new byte[][] {StateKeys.coin(outPoint), CoinCodec.encode(coin)}));
    records.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
    MessageDigest sha = TaggedHash.sha256();
    for (byte[][] record : records) {
      sha.update(record[0]);
      sha.update(record[1]);
    }
    return new UtxoDigest(records.size(), Hash32.of(sha.digest()));
  }

  /** Mines a child of {@code parent} with ASERT's target. */
  static Block mine(ChainParams params, Block parent, int parentHeight, long time, List<Tx> txs) {
    BlockHeader header =
        new BlockHeader(
            1,
            parent.hash(),
            Block.txRoot(txs),
            Block.witnessRoot(txs),
            time,
            Asert.of(params).nextBits(parentHeight, parent.header().time()),
            0);
    while (!header.hasProofOfWork()) {
      header = header.withNonce(header.nonce() + 1);
    }
    return Block.of(header, txs);
  }

  private static void apply(Map<OutPoint, Coin> coins, Block block, int height) {
    for (Tx tx : block.txs()) {
      if (!tx.isCoinbase()) {
        tx.body().inputs().forEach(coins::remove);
      }
      for (int i = 0; i < tx.body().outputs().size(); i++) {
        coins.put(
            new OutPoint(tx.txId(), i),
            new Coin(tx.body().outputs().get(i), height, tx.isCoinbase()));
      }
    }
  }
}
