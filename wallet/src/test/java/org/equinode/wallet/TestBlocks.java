package org.equinode.wallet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.ChainHashes;
import org.equinode.chain.LockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519Signature;

/**
 * Blocks and transactions for wallet tests. The wallet does not validate what the node gives it, so
 * payments from outside spend made-up outpoints with dummy signatures; blocks need no proof of
 * work. Block times count up from {@link #GENESIS_TIME} one minute per height.
 */
public final class TestBlocks {
  public static final long GENESIS_TIME = 1_767_225_600L;

  private static final CompactTarget EASY = CompactTarget.of(BigInteger.ONE.shiftLeft(255));

  /** A lock hash nobody in the tests owns. */
  public static final LockHash STRANGER =
      new Lock.Sig(TestSecrets.other().receiveKey(999).publicKey()).hash();

  private TestBlocks() {}

  /** A coinbase at {@code height} paying {@code amount} to {@code to}. */
  public static Tx coinbase(int height, LockHash to, Amount amount) {
    return Tx.coinbase(
        height, List.of(new TxOut(amount, to)), "eq".getBytes(StandardCharsets.US_ASCII));
  }

  /** A payment from outside: spends a made-up outpoint named by {@code salt}. */
  public static Tx payment(String salt, TxOut... outputs) {
    OutPoint from =
        new OutPoint(new TxId(ChainHashes.TX.hash(salt.getBytes(StandardCharsets.UTF_8))), 0);
    TxBody body = new TxBody(1, List.of(from), List.of(outputs), 0);
    Lock lock = new Lock.Sig(TestSecrets.other().receiveKey(998).publicKey());
    Witness witness = new Witness.Sig(Ed25519Signature.of(new byte[Ed25519Signature.LENGTH]));
    return Tx.of(body, List.of(new InputWitness.Spend(lock, witness)));
  }

  /** A block at {@code height} on {@code parent} (empty for the genesis block). */
  public static Block block(int height, Optional<Block> parent, List<Tx> txs) {
    BlockHash previous = parent.map(Block::hash).orElse(new BlockHash(Hash32.ZERO));
    BlockHeader header =
        new BlockHeader(
            1,
            previous,
            Block.txRoot(txs),
            Block.witnessRoot(txs),
            GENESIS_TIME + 60L * height,
            EASY,
            0);
    return Block.of(header, txs);
  }

  /** A chain of blocks that grows one block at a time; a fork starts from a prefix. */
  public static final class Chain {
    private final List<Block> blocks = new ArrayList<>();

    public Chain() {}

    private Chain(List<Block> prefix) {
      blocks.addAll(prefix);
    }

    /** The next block: a coinbase paying 50 EQ to {@code miner}, then {@code txs}. */
    public Block mine(LockHash miner, Tx... txs) {
      int height = blocks.size();
      List<Tx> all = new ArrayList<>();
      all.add(coinbase(height, miner, Amount.ofEq(50)));
      all.addAll(List.of(txs));
      Block block = block(height, tip(), all);
      blocks.add(block);
      return block;
    }

    public Optional<Block> tip() {
      return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.get(blocks.size() - 1));
    }

    public int height() {
      return blocks.size() - 1;
    }

    public Block at(int height) {
      return blocks.get(height);
    }

    /** A chain that shares this one's first {@code length} blocks. */
    public Chain fork(int length) {
      return new Chain(blocks.subList(0, length));
    }

    public List<Block> blocks() {
      return List.copyOf(blocks);
    }
  }
}
