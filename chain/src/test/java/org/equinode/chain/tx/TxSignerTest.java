package org.equinode.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equinode.chain.TestKeys.privateKey;

import java.util.List;
import org.equinode.chain.lock.LockChecker;
import org.equinode.chain.lock.LockVerdict;
import org.equinode.chain.lock.SpendContext;
import org.junit.jupiter.api.Test;

class TxSignerTest {
  @Test
  void signedInputsSatisfyTheirLocks() {
    Tx tx = SampleTxs.signed();
    SigHash sigHash = SigHash.of(tx.body(), SampleTxs.spent());
    for (int i = 0; i < 2; i++) {
      InputWitness.Spend spend = (InputWitness.Spend) tx.witnesses().get(i);
      assertThat(spend.lock().hash()).isEqualTo(SampleTxs.spent().get(i).lockHash());
      SpendContext context = new SpendContext(sigHash.forInput(i), 100, 0, 5);
      assertThat(LockChecker.check(spend.lock(), spend.witness(), context))
          .isEqualTo(new LockVerdict.Accept(1));
    }
  }

  @Test
  void aSignatureForOneInputDoesNotSpendAnother() {
    Tx tx = SampleTxs.signed();
    SigHash sigHash = SigHash.of(tx.body(), SampleTxs.spent());
    InputWitness.Spend first = (InputWitness.Spend) tx.witnesses().get(0);
    SpendContext second = new SpendContext(sigHash.forInput(1), 100, 0, 5);
    assertThat(LockChecker.check(first.lock(), first.witness(), second).isAccepted()).isFalse();
  }

  @Test
  void refusesAnOutputNoGivenKeyCanSpend() {
    assertThatThrownBy(
            () -> TxSigner.signAll(SampleTxs.body(), SampleTxs.spent(), List.of(privateKey(0))))
        .isInstanceOf(TxException.class)
        .hasMessageStartingWith("input 1 spends an output locked to ");
  }
}
