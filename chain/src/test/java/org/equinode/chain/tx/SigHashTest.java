package org.equinode.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.ChainHashes;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.junit.jupiter.api.Test;

class SigHashTest {
  @Test
  void isTheTaggedHashOfBodySpentOutputsAndIndex() {
    TxBody body = SampleTxs.body();
    List<TxOut> spent = SampleTxs.spent();
    SigHash sigHash = SigHash.of(body, spent);
    for (int i = 0; i < 2; i++) {
      ByteWriter writer = ByteWriter.unbounded().writeBytes(body.encode());
      spent.forEach(output -> output.write(writer));
      writer.writeInt32LE(i);
      assertThat(sigHash.forInput(i)).isEqualTo(ChainHashes.SIGHASH.hash(writer.toByteArray()));
    }
    assertThat(sigHash.forInput(0)).isNotEqualTo(sigHash.forInput(1));
    assertThat(sigHash.forInput(0)).isEqualTo(sigHash.forInput(0));
  }

  @Test
  void commitsToTheSpentAmountsAndLocks() {
    TxBody body = SampleTxs.body();
    List<TxOut> spent = SampleTxs.spent();
    Hash32 original = SigHash.of(body, spent).forInput(0);
    // A change to the *other* input's spent output still changes input 0's hash.
    List<TxOut> otherAmount =
        List.of(spent.get(0), new TxOut(Amount.ofEq(6), spent.get(1).lockHash()));
    List<TxOut> otherLock = List.of(spent.get(0), new TxOut(Amount.ofEq(5), SampleTxs.address(3)));
    assertThat(SigHash.of(body, otherAmount).forInput(0)).isNotEqualTo(original);
    assertThat(SigHash.of(body, otherLock).forInput(0)).isNotEqualTo(original);
  }

  @Test
  void refusesCoinbasesMismatchedCountsAndBadIndexes() {
    TxBody coinbase = new TxBody(1, List.of(OutPoint.NULL), SampleTxs.body().outputs(), 1);
    assertThatThrownBy(() -> SigHash.of(coinbase, List.of(SampleTxs.spent().get(0))))
        .isInstanceOf(TxException.class)
        .hasMessage("a coinbase has no signature hash");
    assertThatThrownBy(() -> SigHash.of(SampleTxs.body(), SampleTxs.spent().subList(0, 1)))
        .hasMessage("1 spent outputs for 2 inputs");
    SigHash sigHash = SigHash.of(SampleTxs.body(), SampleTxs.spent());
    assertThatThrownBy(() -> sigHash.forInput(2)).hasMessage("input 2 is outside 0..1");
  }
}
