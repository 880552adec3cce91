package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.TxId;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.TxOut;
import org.junit.jupiter.api.Test;

class ConnectedBlockTest {
  private static Utxo utxo(int tx, int index, int height) {
    return new Utxo(
        new OutPoint(TxId.parse(String.format("%064x", tx)), index),
        new Coin(new TxOut(Amount.ofEq(1), SampleTxs.address(0)), height, false));
  }

  @Test
  void outputsCreatedAndSpentInTheBlockNeitherEnterNorLeaveTheSet() {
    Utxo old = utxo(1, 0, 3);
    Utxo coinbaseOut = utxo(2, 0, 9);
    Utxo transient1 = utxo(3, 0, 9);
    Utxo kept = utxo(3, 1, 9);
    Utxo last = utxo(4, 0, 9);
    ConnectedBlock block =
        new ConnectedBlock(
            9,
            Amount.ZERO,
            2,
            List.of(old, transient1),
            List.of(coinbaseOut, transient1, kept, last));
    assertThat(block.removed()).containsExactly(old);
    assertThat(block.added()).containsExactly(coinbaseOut, kept, last);
  }
}
