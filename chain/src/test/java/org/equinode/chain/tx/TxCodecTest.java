package org.equinode.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.ChainHashes;
import org.equinode.chain.LockHash;
import org.equinode.chain.TestKeys;
import org.equinode.chain.TxId;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.common.Hex;
import org.equinode.common.MalformedException;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.testing.Mutations;
import org.junit.jupiter.api.Test;

class TxCodecTest {
  @Test
  void exactLayoutOfACoinbase() {
    LockHash to = LockHash.parse("ab".repeat(32));
    Tx coinbase = Tx.coinbase(5, List.of(new TxOut(Amount.ofEq(50), to)), new byte[] {'e', 'q'});
    String body =
        "01000000" // version
            + "01" // one input
            + "00".repeat(32)
            + "ffffffff" // the null outpoint
            + "01" // one output
            + "00f2052a01000000"
            + "ab".repeat(32) // 50 EQ, lock hash
            + "05000000"; // lock time = height 5
    assertThat(Hex.encode(coinbase.encode())).isEqualTo(body + "02" + "6571");
    assertThat(coinbase.txId().hash()).isEqualTo(ChainHashes.TX.hash(Hex.decode(body)));
    assertThat(coinbase.wTxId().hash()).isEqualTo(ChainHashes.WTX.hash(coinbase.encode()));
    assertThat(coinbase.isCoinbase()).isTrue();
  }

  @Test
  void exactLayoutOfASpend() {
    Tx tx = SampleTxs.signed();
    String hex = Hex.encode(tx.encode());
    String body = Hex.encode(tx.body().encode());
    assertThat(hex).startsWith(body);
    InputWitness.Spend first = (InputWitness.Spend) tx.witnesses().get(0);
    InputWitness.Spend second = (InputWitness.Spend) tx.witnesses().get(1);
    assertThat(hex.substring(body.length()))
        .isEqualTo(
            Hex.encode(first.lock().encode())
                + Hex.encode(first.witness().encode())
                + Hex.encode(second.lock().encode())
                + Hex.encode(second.witness().encode()));
  }

  @Test
  void bodySizeIsTheEncodedLength() {
    assertThat(SampleTxs.body().encode()).hasSize(TxCodec.bodySize(2, 2));
    assertThat(TxCodec.bodySize(300, 1)).isEqualTo(4 + 3 + 300 * 36 + 1 + 40 + 4);
  }

  @Test
  void coinbaseTxidsDifferByHeight() {
    List<TxOut> outputs = List.of(new TxOut(Amount.ofEq(50), SampleTxs.address(0)));
    assertThat(Tx.coinbase(1, outputs, new byte[0]).txId())
        .isNotEqualTo(Tx.coinbase(2, outputs, new byte[0]).txId());
  }

  @Test
  void witnessesChangeTheWtxidButNotTheTxid() {
    Tx tx = SampleTxs.signed();
    List<InputWitness> witnesses = new ArrayList<>(tx.witnesses());
    Lock lock = ((InputWitness.Spend) witnesses.get(0)).lock();
    witnesses.set(
        0, new InputWitness.Spend(lock, new Witness.Sig(Ed25519Signature.of(new byte[64]))));
    Tx other = Tx.of(tx.body(), witnesses);
    assertThat(other.txId()).isEqualTo(tx.txId());
    assertThat(other.wTxId()).isNotEqualTo(tx.wTxId());
    assertThat(other).isNotEqualTo(tx);
  }

  @Test
  void roundTrips() {
    Tx tx = SampleTxs.signed();
    Tx decoded = TxCodec.decode(tx.encode());
    assertThat(decoded).isEqualTo(tx);
    assertThat(decoded.body()).isEqualTo(tx.body());
    assertThat(decoded.witnesses()).isEqualTo(tx.witnesses());
    assertThat(decoded.txId()).isEqualTo(tx.txId());
    Tx coinbase = Tx.coinbase(9, tx.body().outputs(), new byte[Tx.MAX_COINBASE_DATA]);
    assertThat(TxCodec.decode(coinbase.encode())).isEqualTo(coinbase);
  }

  @Test
  void witnessesMustMatchTheInputs() {
    TxBody body = SampleTxs.body();
    List<InputWitness> witnesses = SampleTxs.signed().witnesses();
    assertThatThrownBy(() -> Tx.of(body, witnesses.subList(0, 1)))
        .isInstanceOf(TxException.class)
        .hasMessage("1 witnesses for 2 inputs");
    assertThatThrownBy(
            () -> Tx.of(body, List.of(witnesses.get(0), InputWitness.Coinbase.of(new byte[0]))))
        .hasMessage("input 1 has a coinbase witness but spends an output");
    TxBody coinbase = new TxBody(1, List.of(OutPoint.NULL), body.outputs(), 3);
    assertThatThrownBy(() -> Tx.of(coinbase, witnesses.subList(0, 1)))
        .hasMessage("input 0 is the null outpoint but has a spend witness");
    assertThatThrownBy(() -> InputWitness.Coinbase.of(new byte[Tx.MAX_COINBASE_DATA + 1]))
        .hasMessage("coinbase data of 101 bytes exceeds MAX_COINBASE_DATA 100");
  }

  @Test
  void theFullEncodingIsLimited() {
    Lock.Multi lock = Lock.Multi.sorted(20, TestKeys.keys(20));
    Witness witness =
        new Witness.Multi(0xfffff, Collections.nCopies(20, Ed25519Signature.of(new byte[64])));
    List<OutPoint> inputs = new ArrayList<>();
    List<InputWitness> witnesses = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      inputs.add(new OutPoint(TxId.parse("11".repeat(32)), i));
      witnesses.add(new InputWitness.Spend(lock, witness));
    }
    TxBody body = new TxBody(1, inputs, SampleTxs.body().outputs(), 0);
    assertThatThrownBy(() -> Tx.of(body, witnesses))
        .isInstanceOf(TxException.class)
        .hasMessage("transaction exceeds MAX_TX_SIZE 100000 bytes");
    Tx fits =
        Tx.of(new TxBody(1, inputs.subList(0, 50), body.outputs(), 0), witnesses.subList(0, 50));
    assertThat(fits.size()).isLessThanOrEqualTo(Tx.MAX_TX_SIZE);
    assertThatThrownBy(() -> TxCodec.decode(new byte[Tx.MAX_TX_SIZE + 1]))
        .isInstanceOf(MalformedException.class)
        .hasMessage("transaction of 100001 bytes exceeds MAX_TX_SIZE 100000");
  }

  @Test
  void refusesWhatIsNotCanonical() {
    byte[] valid = SampleTxs.signed().encode();
    byte[] trailing = java.util.Arrays.copyOf(valid, valid.length + 1);
    assertThatThrownBy(() -> TxCodec.decode(trailing))
        .hasMessage("1 trailing bytes after transaction");
    Tx coinbase = Tx.coinbase(5, SampleTxs.body().outputs(), new byte[0]);
    String hex = Hex.encode(coinbase.encode());
    // Lock time 0x80000000 (above the largest height).
    String highLockTime = hex.replace("0500000000", "0000008000");
    assertThatThrownBy(() -> TxCodec.decode(Hex.decode(highLockTime)))
        .hasMessage("lock time 2147483648 is above 2147483647");
  }

  @Test
  void mutatedBytesDecodeCanonicallyOrAreRefused() {
    byte[] valid = SampleTxs.signed().encode();
    int refused = Mutations.check(valid, bytes -> TxCodec.decode(bytes).encode(), 21, 3000);
    assertThat(refused).isPositive();
    byte[] coinbase = Tx.coinbase(7, SampleTxs.body().outputs(), new byte[] {1, 2, 3}).encode();
    Mutations.check(coinbase, bytes -> TxCodec.decode(bytes).encode(), 22, 3000);
  }
}
