package org.equinode.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.TxId;
import org.equinode.common.Hash32;
import org.junit.jupiter.api.Test;

class TxBodyTest {
  private static final TxOut OUT = new TxOut(Amount.ofEq(1), SampleTxs.address(0));
  private static final OutPoint IN = new OutPoint(TxId.parse("11".repeat(32)), 0);

  @Test
  void needsInputsAndOutputs() {
    assertThatThrownBy(() -> new TxBody(1, List.of(), List.of(OUT), 0))
        .isInstanceOf(TxException.class)
        .hasMessage("a transaction has 1..2000 inputs, got 0");
    assertThatThrownBy(() -> new TxBody(1, List.of(IN), List.of(), 0))
        .hasMessage("a transaction has 1..2000 outputs, got 0");
  }

  @Test
  void countsAndSizeAreLimited() {
    List<OutPoint> inputs = new ArrayList<>();
    for (int i = 0; i <= Tx.MAX_INPUTS; i++) {
      inputs.add(new OutPoint(IN.txId(), i));
    }
    assertThatThrownBy(() -> new TxBody(1, inputs, List.of(OUT), 0))
        .hasMessage("a transaction has 1..2000 inputs, got 2001");
    List<OutPoint> most = inputs.subList(0, Tx.MAX_INPUTS);
    List<TxOut> outputs = Collections.nCopies(Tx.MAX_OUTPUTS, OUT);
    assertThatThrownBy(() -> new TxBody(1, most, outputs, 0))
        .hasMessage("transaction body of 152014 bytes exceeds MAX_TX_SIZE 100000");
  }

  @Test
  void theNullOutpointIsOnlyACoinbasesSingleInput() {
    assertThat(new TxBody(1, List.of(OutPoint.NULL), List.of(OUT), 7).isCoinbase()).isTrue();
    assertThat(new TxBody(1, List.of(IN), List.of(OUT), 7).isCoinbase()).isFalse();
    assertThatThrownBy(() -> new TxBody(1, List.of(IN, OutPoint.NULL), List.of(OUT), 0))
        .hasMessage("input 1 is the null outpoint, which only a coinbase's single input may be");
    // A zero txid with another index is an ordinary (if unspendable) outpoint.
    assertThat(new OutPoint(new TxId(Hash32.ZERO), 0).isNull()).isFalse();
  }

  @Test
  void refusesSpendingAnOutputTwice() {
    assertThatThrownBy(() -> new TxBody(1, List.of(IN, IN), List.of(OUT), 0))
        .hasMessage("input 1 spends " + IN + " a second time");
  }

  @Test
  void outputsTotalAtMostMaxMoney() {
    TxOut half = new TxOut(Amount.ofEq(10_500_000), SampleTxs.address(0));
    assertThat(new TxBody(1, List.of(IN), List.of(half, half), 0).outputTotal())
        .isEqualTo(Amount.ofUnits(Amount.MAX_MONEY));
    TxOut more = new TxOut(Amount.ofUnits(1), SampleTxs.address(0));
    assertThatThrownBy(() -> new TxBody(1, List.of(IN), List.of(half, half, more), 0))
        .hasMessage("the outputs total more than MAX_MONEY");
  }

  @Test
  void lockTimeAndIndexRanges() {
    assertThatThrownBy(() -> new TxBody(1, List.of(IN), List.of(OUT), -1))
        .hasMessage("lock time -1 is outside 0..2147483647");
    assertThatThrownBy(() -> new OutPoint(IN.txId(), -1)).isInstanceOf(TxException.class);
    assertThatThrownBy(() -> new OutPoint(IN.txId(), 1L << 32)).isInstanceOf(TxException.class);
  }
}
