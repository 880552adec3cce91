package org.equinode.chain.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.SigHash;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PrivateKey;

/** Transactions spending test coins. */
public final class TxMaker {
  private TxMaker() {}

  /** Spends {@code inputs}, each locked by SIG of {@code key}, into {@code outputs}. */
  public static Tx sig(
      List<Utxo> inputs, List<TxOut> outputs, int lockTime, Ed25519PrivateKey key) {
    Lock lock = new Lock.Sig(key.publicKey());
    return spend(
        inputs,
        outputs,
        lockTime,
        (sigHash, i) -> new InputWitness.Spend(lock, new Witness.Sig(sign(key, sigHash, i))));
  }

  /** Spends {@code inputs} with the witnesses {@code witness(sigHash, input index)} returns. */
  public static Tx spend(
      List<Utxo> inputs,
      List<TxOut> outputs,
      int lockTime,
      BiFunction<SigHash, Integer, InputWitness> witness) {
    List<OutPoint> outPoints = inputs.stream().map(Utxo::outPoint).toList();
    TxBody body = new TxBody(1, outPoints, outputs, lockTime);
    SigHash sigHash = SigHash.of(body, inputs.stream().map(u -> u.coin().output()).toList());
    List<InputWitness> witnesses = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      witnesses.add(witness.apply(sigHash, i));
    }
    return Tx.of(body, witnesses);
  }

  public static org.equinode.crypto.Ed25519Signature sign(
      Ed25519PrivateKey key, SigHash sigHash, int input) {
    Hash32 message = sigHash.forInput(input);
    return key.sign(message.toByteArray());
  }
}
