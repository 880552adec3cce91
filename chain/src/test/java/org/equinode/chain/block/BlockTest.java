package org.equinode.chain.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.equinode.chain.TestKeys;
import org.equinode.chain.TxId;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.common.Hex;
import org.equinode.common.MalformedException;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.testing.Mutations;
import org.junit.jupiter.api.Test;

class BlockTest {
  @Test
  void exactLayoutAndRoundTrip() {
    Block block = SampleBlocks.block();
    StringBuilder expected = new StringBuilder(Hex.encode(block.header().encode())).append("02");
    block.txs().forEach(tx -> expected.append(Hex.encode(tx.encode())));
    assertThat(Hex.encode(block.encode())).isEqualTo(expected.toString());
    assertThat(block.size()).isEqualTo(block.encode().length);
    Block decoded = Block.decode(block.encode());
    assertThat(decoded).isEqualTo(block);
    assertThat(decoded.hash()).isEqualTo(block.hash());
    assertThat(decoded.size()).isEqualTo(block.size());
  }

  @Test
  void rootsCommitToTxidsAndWtxids() {
    Block block = SampleBlocks.block();
    assertThat(block.rootsMatch()).isTrue();
    List<Tx> txs = block.txs();
    assertThat(block.header().txRoot())
        .isEqualTo(MerkleTree.root(List.of(txs.get(0).txId().hash(), txs.get(1).txId().hash())));
    assertThat(block.header().witnessRoot())
        .isEqualTo(MerkleTree.root(List.of(txs.get(0).wTxId().hash(), txs.get(1).wTxId().hash())));
    // Another witness for the same spend: txids equal, witness root differs.
    Tx tx = txs.get(1);
    List<InputWitness> witnesses = new ArrayList<>(tx.witnesses());
    Lock lock = ((InputWitness.Spend) witnesses.get(0)).lock();
    witnesses.set(
        0, new InputWitness.Spend(lock, new Witness.Sig(Ed25519Signature.of(new byte[64]))));
    List<Tx> changed = List.of(txs.get(0), Tx.of(tx.body(), witnesses));
    assertThat(Block.txRoot(changed)).isEqualTo(block.header().txRoot());
    assertThat(Block.witnessRoot(changed)).isNotEqualTo(block.header().witnessRoot());
    assertThat(Block.of(block.header(), changed).rootsMatch()).isFalse();
  }

  @Test
  void countAndSizeAreLimited() {
    BlockHeader header = SampleBlocks.header();
    assertThatThrownBy(() -> Block.of(header, List.of()))
        .isInstanceOf(BlockException.class)
        .hasMessage("a block has 1..10000 transactions, got 0");
    Tx big = bigTx();
    assertThat(big.size()).isGreaterThan(Block.MAX_BLOCK_SIZE / 11);
    assertThatThrownBy(() -> Block.of(header, Collections.nCopies(11, big)))
        .isInstanceOf(BlockException.class)
        .hasMessageContaining("exceeds MAX_BLOCK_SIZE 1000000");
    assertThatThrownBy(() -> Block.decode(new byte[Block.MAX_BLOCK_SIZE + 1]))
        .isInstanceOf(MalformedException.class)
        .hasMessage("block of 1000001 bytes exceeds MAX_BLOCK_SIZE 1000000");
    byte[] noTxs = new byte[BlockHeader.ENCODED_LENGTH + 1];
    System.arraycopy(header.encode(), 0, noTxs, 0, BlockHeader.ENCODED_LENGTH);
    assertThatThrownBy(() -> Block.decode(noTxs))
        .hasMessage("a block has at least one transaction");
  }

  @Test
  void mutatedBytesDecodeCanonicallyOrAreRefused() {
    byte[] valid = SampleBlocks.block().encode();
    int refused = Mutations.check(valid, bytes -> Block.decode(bytes).encode(), 41, 3000);
    assertThat(refused).isPositive();
  }

  /** A transaction of about 96 KB: 50 inputs, each revealing a 20-key MULTI and 20 signatures. */
  private static Tx bigTx() {
    Lock.Multi lock = Lock.Multi.sorted(20, TestKeys.keys(20));
    Witness witness =
        new Witness.Multi(0xfffff, Collections.nCopies(20, Ed25519Signature.of(new byte[64])));
    List<OutPoint> inputs = new ArrayList<>();
    List<InputWitness> witnesses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      inputs.add(new OutPoint(TxId.parse("33".repeat(32)), i));
      witnesses.add(new InputWitness.Spend(lock, witness));
    }
    return Tx.of(new TxBody(1, inputs, SampleTxs.body().outputs(), 0), witnesses);
  }
}
