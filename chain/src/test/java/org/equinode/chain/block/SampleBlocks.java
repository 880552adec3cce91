package org.equinode.chain.block;

import java.math.BigInteger;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;

/** Blocks for tests. */
final class SampleBlocks {
  /** A target that one hash in 16 meets. */
  static final CompactTarget EASY = CompactTarget.of(BigInteger.ONE.shiftLeft(252));

  private SampleBlocks() {}

  static BlockHeader header() {
    return new BlockHeader(
        1,
        BlockHash.parse("77".repeat(32)),
        Hash32.parse("11".repeat(32)),
        Hash32.parse("22".repeat(32)),
        1_767_225_600L,
        new CompactTarget(0x1d00ffff),
        0x0102030405060708L);
  }

  static List<Tx> txs() {
    Tx coinbase =
        Tx.coinbase(
            42, List.of(new TxOut(Amount.ofEq(50), SampleTxs.address(5))), new byte[] {'e', 'q'});
    return List.of(coinbase, SampleTxs.signed());
  }

  /** A block at height 42 with its roots computed, not mined. */
  static Block block() {
    List<Tx> txs = txs();
    BlockHeader header =
        new BlockHeader(
            1,
            BlockHash.parse("77".repeat(32)),
            Block.txRoot(txs),
            Block.witnessRoot(txs),
            1_767_225_600L,
            EASY,
            0);
    return Block.of(header, txs);
  }
}
