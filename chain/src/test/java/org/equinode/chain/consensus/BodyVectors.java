package org.equinode.chain.consensus;

import static org.equinode.chain.consensus.ConsensusVector.accept;
import static org.equinode.chain.consensus.ConsensusVector.reject;
import static org.equinode.chain.consensus.ConsensusVector.rejectBytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.ByteWriter;

/** Vectors of the body rules: roots, coinbase, duplicates, limits and encodings. */
final class BodyVectors {
  private BodyVectors() {}

  /** Spends the mature coinbase at {@code height} to key 7, leaving {@code fee} EQ to the miner. */
  static Tx spendCoinbase(TestChain chain, int height, long fee) {
    Amount out = Amount.ofEq(50 - fee);
    return TxMaker.sig(
        List.of(chain.coinbaseOutput(height)),
        List.of(new TxOut(out, SampleTxs.address(7))),
        0,
        TestChain.MINER);
  }

  static List<ConsensusVector> all() {
    TestChain base = BaseChain.chain();
    Tx spend = spendCoinbase(base, 3, 1);
    Block valid = base.next().add(spend).build();
    List<ConsensusVector> vectors = new ArrayList<>();
    vectors.add(
        accept(
            "a coinbase claiming the subsidy plus the fees, and a spend",
            base,
            valid,
            RejectReason.BAD_MERKLE_ROOT,
            RejectReason.BAD_WITNESS_ROOT,
            RejectReason.BAD_CB_MISSING,
            RejectReason.BAD_CB_MULTIPLE,
            RejectReason.DUPLICATE_TX,
            RejectReason.DOUBLE_SPEND_IN_BLOCK,
            RejectReason.BAD_CB_AMOUNT,
            RejectReason.BAD_CB_HEIGHT,
            RejectReason.BAD_ENCODING));
    vectors.add(
        reject(
            "a transaction changed after the header was mined",
            RejectReason.BAD_MERKLE_ROOT,
            base,
            Block.of(valid.header(), List.of(valid.txs().get(0), spendCoinbase(base, 3, 2)))));
    vectors.add(
        reject(
            "coinbase data changed after the header was mined",
            RejectReason.BAD_WITNESS_ROOT,
            base,
            withCoinbaseData(valid, "extra nonce")));
    vectors.add(
        reject(
            "no coinbase",
            RejectReason.BAD_CB_MISSING,
            base,
            base.next().noCoinbase().add(spend).build()));
    Tx secondCoinbase =
        Tx.coinbase(
            BaseChain.HEIGHT + 1,
            List.of(new TxOut(Amount.ofEq(1), SampleTxs.address(7))),
            "second".getBytes(StandardCharsets.UTF_8));
    vectors.add(
        reject(
            "a second coinbase",
            RejectReason.BAD_CB_MULTIPLE,
            base,
            base.next().add(spend, secondCoinbase).build()));
    vectors.add(
        reject(
            "the same transaction twice",
            RejectReason.DUPLICATE_TX,
            base,
            base.next().add(spend, spend).build()));
    vectors.add(
        reject(
            "two transactions spending one output",
            RejectReason.DOUBLE_SPEND_IN_BLOCK,
            base,
            base.next().add(spend, spendCoinbase(base, 3, 2)).build()));
    vectors.add(
        reject(
            "a coinbase claiming one unit more than the subsidy plus the fees",
            RejectReason.BAD_CB_AMOUNT,
            base,
            base.next().add(spend).coinbaseExcess(1).build()));
    vectors.add(
        reject(
            "a coinbase whose lock time is the parent's height",
            RejectReason.BAD_CB_HEIGHT,
            base,
            base.next().coinbaseHeight(BaseChain.HEIGHT).build()));
    vectors.addAll(encodings(base, valid));
    vectors.addAll(SignatureLimitVectors.all());
    return vectors;
  }

  private static Block withCoinbaseData(Block block, String data) {
    Tx coinbase = block.txs().get(0);
    Tx changed =
        Tx.coinbase(
            coinbase.body().lockTime(),
            coinbase.body().outputs(),
            data.getBytes(StandardCharsets.UTF_8));
    List<Tx> txs = new ArrayList<>(block.txs());
    txs.set(0, changed);
    return Block.of(block.header(), txs);
  }

  private static List<ConsensusVector> encodings(TestChain base, Block valid) {
    byte[] bytes = valid.encode();
    // The transaction count (2) as a three-byte CompactSize instead of one byte.
    byte[] nonMinimal =
        ByteWriter.withMaxSize(bytes.length + 2)
            .writeBytes(Arrays.copyOf(bytes, BlockHeader.ENCODED_LENGTH))
            .writeU8(0xfd)
            .writeU16LE(valid.txs().size())
            .writeBytes(Arrays.copyOfRange(bytes, BlockHeader.ENCODED_LENGTH + 1, bytes.length))
            .toByteArray();
    return List.of(
        rejectBytes(
            "a transaction count in a non-minimal CompactSize",
            RejectReason.BAD_ENCODING,
            base,
            nonMinimal),
        rejectBytes(
            "a byte after the last transaction",
            RejectReason.BAD_ENCODING,
            base,
            Arrays.copyOf(bytes, bytes.length + 1)),
        rejectBytes(
            "the last byte missing",
            RejectReason.BAD_ENCODING,
            base,
            Arrays.copyOf(bytes, bytes.length - 1)),
        rejectBytes(
            "more than MAX_BLOCK_SIZE bytes",
            RejectReason.BAD_BLOCK_SIZE,
            base,
            Arrays.copyOf(bytes, Block.MAX_BLOCK_SIZE + 1)));
  }
}
