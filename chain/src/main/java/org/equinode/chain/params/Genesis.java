package org.equinode.chain.params;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.equinode.crypto.TaggedHash;

/**
 * The first block of each network. Its one transaction is a coinbase at height 0 whose miner data
 * is a dated message and whose single output pays the first subsidy to {@code
 * HASH(SHA256(message))}. The message is longer than 32 bytes, so nobody knows a 32-byte preimage
 * of that digest: the output can never be spent (and is not added to the set of unspent outputs, as
 * in Bitcoin).
 *
 * <p>The nonces were ground by {@code GenesisMiner} in the test sources; {@code GenesisTest} checks
 * the hashes printed in {@code chain/README.md}.
 */
public final class Genesis {
  /** The header version of the genesis blocks. */
  public static final int VERSION = 1;

  static final String MAIN_MESSAGE =
      "Equinode 21/Nov/2026: a coin, a file swarm and a market, with no server in the middle";
  static final String TEST_MESSAGE =
      "Equinode testnet 21/Nov/2026: worthless coins under the main network's rules";
  static final String DEV_MESSAGE =
      "Equinode devnet: many nodes on one machine, blocks mined in milliseconds";

  /** 2026-11-21T00:00:00Z. MAIN's must move to its launch: see the README (ASERT anchor). */
  static final long MAIN_TIME = 1_795_219_200L;

  static final long TEST_TIME = 1_795_219_200L;
  static final long DEV_TIME = 1_795_219_200L;

  static final long MAIN_NONCE = 2_532_949L;
  static final long TEST_NONCE = 1_072_789L;
  static final long DEV_NONCE = 32L;

  private Genesis() {}

  /** The lock no one can satisfy that the genesis coinbase of {@code message} pays to. */
  public static Lock unspendableLock(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    return new Lock.HashLock(Hash32.of(TaggedHash.sha256().digest(bytes)));
  }

  /** The genesis block with this message, time and target, and the given nonce. */
  static Block block(String message, long time, CompactTarget bits, Amount subsidy, long nonce) {
    byte[] data = message.getBytes(StandardCharsets.UTF_8);
    Tx coinbase =
        Tx.coinbase(0, List.of(new TxOut(subsidy, unspendableLock(message).hash())), data);
    List<Tx> txs = List.of(coinbase);
    BlockHeader header =
        new BlockHeader(
            VERSION,
            new BlockHash(Hash32.ZERO),
            Block.txRoot(txs),
            Block.witnessRoot(txs),
            time,
            bits,
            nonce);
    return Block.of(header, txs);
  }
}
