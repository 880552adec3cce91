package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.TestKeys;
import org.equinode.chain.TxId;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;
import org.equinode.chain.tx.TxSigner;
import org.equinode.common.Network;
import org.equinode.crypto.Ed25519Signature;
import org.junit.jupiter.api.Test;

/** The mempool path; the block path is covered by {@link ConsensusVectorsTest}. */
class TxRulesTest {
  private static final ChainParams PARAMS = ChainParams.of(Network.DEV);
  private static final SignatureChecker CHECKER = SignatureChecker.sequential();
  private static final OutPoint FIRST = SampleTxs.body().inputs().get(0);
  private static final OutPoint SECOND = SampleTxs.body().inputs().get(1);

  /** The outputs {@link SampleTxs#signed()} spends, at height 5, as {@code amounts} say. */
  private static MemoryUtxoView view(boolean coinbase, Amount first, Amount second) {
    List<TxOut> spent = SampleTxs.spent();
    return new MemoryUtxoView()
        .put(FIRST, new Coin(new TxOut(first, spent.get(0).lockHash()), 5, coinbase))
        .put(SECOND, new Coin(new TxOut(second, spent.get(1).lockHash()), 5, false));
  }

  private static MemoryUtxoView view() {
    return view(false, Amount.ofEq(10), Amount.ofEq(5));
  }

  private static Verdict<CheckedTx> check(Tx tx, UtxoView view, int height) {
    return TxRules.checkContextual(tx, view, height, PARAMS, CHECKER);
  }

  @Test
  void acceptsAValidSpendWithItsFeeAndCoins() {
    CheckedTx checked = check(SampleTxs.signed(), view(), 6).orElseThrow();
    assertThat(checked.fee()).isEqualTo(Amount.parse("0.1"));
    assertThat(checked.sigChecks()).isEqualTo(2);
    assertThat(checked.spent()).extracting(Utxo::outPoint).containsExactly(FIRST, SECOND);
  }

  @Test
  void refusesACoinbase() {
    Tx coinbase =
        Tx.coinbase(7, List.of(new TxOut(Amount.ofEq(1), SampleTxs.address(0))), new byte[0]);
    assertThat(check(coinbase, view(), 7).rejectReason())
        .contains(RejectReason.COINBASE_OUTSIDE_BLOCK);
  }

  @Test
  void refusesWhatNoBlockAtTheHeightCouldInclude() {
    TxBody body = SampleTxs.body();
    TxBody later = new TxBody(body.version(), body.inputs(), body.outputs(), 7);
    Tx tx =
        TxSigner.signAll(
            later, SampleTxs.spent(), List.of(TestKeys.privateKey(0), TestKeys.privateKey(1)));
    assertThat(check(tx, view(), 6).rejectReason()).contains(RejectReason.NON_FINAL);
    assertThat(check(tx, view(), 7).isAccepted()).isTrue();
  }

  @Test
  void refusesMissingInputs() {
    MemoryUtxoView oneMissing = new MemoryUtxoView().put(FIRST, view().coin(FIRST).orElseThrow());
    Verdict<CheckedTx> verdict = check(SampleTxs.signed(), oneMissing, 6);
    assertThat(verdict.rejectReason()).contains(RejectReason.MISSING_OR_SPENT_INPUTS);
    assertThat(verdict.toString()).contains("input 1 spends " + SECOND);
  }

  @Test
  void waitsForACoinbaseToMature() {
    MemoryUtxoView coinbaseCoin = view(true, Amount.ofEq(10), Amount.ofEq(5));
    assertThat(check(SampleTxs.signed(), coinbaseCoin, 5 + 99).rejectReason())
        .contains(RejectReason.PREMATURE_COINBASE_SPEND);
    assertThat(check(SampleTxs.signed(), coinbaseCoin, 5 + 100).isAccepted()).isTrue();
  }

  @Test
  void refusesALockOtherThanTheOutputPaysTo() {
    MemoryUtxoView other =
        view().put(FIRST, new Coin(new TxOut(Amount.ofEq(10), SampleTxs.address(3)), 5, false));
    assertThat(check(SampleTxs.signed(), other, 6).rejectReason())
        .contains(RejectReason.LOCK_MISMATCH);
  }

  @Test
  void refusesSpendingLessThanItCreates() {
    assertThat(
            check(SampleTxs.signed(), view(false, Amount.ofEq(1), Amount.ofEq(1)), 6)
                .rejectReason())
        .contains(RejectReason.OVERSPEND);
  }

  @Test
  void refusesInputsAboveMaxMoneyWhichOnlyACorruptViewCouldHold() {
    Amount max = Amount.ofUnits(Amount.MAX_MONEY);
    assertThat(check(SampleTxs.signed(), view(false, max, max), 6).rejectReason())
        .contains(RejectReason.BAD_INPUT_VALUES);
  }

  @Test
  void signaturesCommitToTheSpentAmounts() {
    Verdict<CheckedTx> verdict =
        check(SampleTxs.signed(), view(false, Amount.ofEq(11), Amount.ofEq(5)), 6);
    assertThat(verdict.rejectReason()).contains(RejectReason.BAD_WITNESS);
    assertThat(verdict.toString()).endsWith("input 0: SIG at /: signature does not verify");
  }

  @Test
  void limitsTheSignaturesOfOneTransaction() {
    assertThat(TxRules.checkStateless(manySignatures(50, false)).isAccepted()).isTrue();
    Verdict<Tx> verdict = TxRules.checkStateless(manySignatures(50, true));
    assertThat(verdict.rejectReason()).contains(RejectReason.TX_TOO_MANY_SIGOPS);
    assertThat(verdict.toString()).contains("carries 1001 signatures, above 1000");
  }

  /** Inputs each with a 20-of-20 MULTI witness (garbage signatures), and maybe one SIG more. */
  static Tx manySignatures(int multiInputs, boolean oneMore) {
    Lock.Multi lock = Lock.Multi.sorted(20, TestKeys.keys(20));
    Ed25519Signature garbage = Ed25519Signature.of(new byte[64]);
    Witness.Multi witness =
        new Witness.Multi((1 << 20) - 1, java.util.Collections.nCopies(20, garbage));
    List<OutPoint> inputs = new ArrayList<>();
    List<InputWitness> witnesses = new ArrayList<>();
    for (int i = 0; i < multiInputs + (oneMore ? 1 : 0); i++) {
      inputs.add(new OutPoint(TxId.parse(String.format("%064x", i + 1)), 0));
      witnesses.add(
          i < multiInputs
              ? new InputWitness.Spend(lock, witness)
              : new InputWitness.Spend(new Lock.Sig(TestKeys.key(0)), new Witness.Sig(garbage)));
    }
    TxBody body =
        new TxBody(1, inputs, List.of(new TxOut(Amount.ofEq(1), SampleTxs.address(0))), 0);
    return Tx.of(body, witnesses);
  }

  @Test
  void decodesBytesIntoAVerdict() {
    Tx tx = SampleTxs.signed();
    assertThat(TxRules.decode(tx.encode())).isEqualTo(Verdict.accept(tx));
    byte[] truncated = Arrays.copyOf(tx.encode(), tx.size() - 1);
    assertThat(TxRules.decode(truncated).rejectReason()).contains(RejectReason.BAD_ENCODING);
    byte[] trailing = Arrays.copyOf(tx.encode(), tx.size() + 1);
    assertThat(TxRules.decode(trailing).rejectReason()).contains(RejectReason.BAD_ENCODING);
    assertThat(TxRules.decode(new byte[Tx.MAX_TX_SIZE + 1]).rejectReason())
        .contains(RejectReason.BAD_TX_SIZE);
  }
}
