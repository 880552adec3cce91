package org.equinode.chain.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.LockHash;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.Witness;
import org.equinode.crypto.Ed25519PrivateKey;

/**
 * Signs the inputs of a transaction that spend plain-address outputs ({@code SIG(pk)} locks), for
 * tests and the wallet. Richer locks are signed by building their {@link Witness} by hand over
 * {@link SigHash#forInput}.
 */
public final class TxSigner {
  private TxSigner() {}

  /** The witness that spends input {@code index}, locked by {@code SIG(key's public key)}. */
  public static InputWitness.Spend signSig(Ed25519PrivateKey key, SigHash sigHash, int index) {
    Lock lock = new Lock.Sig(key.publicKey());
    Witness witness = new Witness.Sig(key.sign(sigHash.forInput(index).toByteArray()));
    return new InputWitness.Spend(lock, witness);
  }

  /**
   * Signs every input of {@code body} with whichever of {@code keys} the spent output pays to.
   *
   * @param spent the output each input spends, in input order
   * @throws TxException if an output does not pay to {@code SIG} of one of the keys
   */
  public static Tx signAll(TxBody body, List<TxOut> spent, List<Ed25519PrivateKey> keys) {
    SigHash sigHash = SigHash.of(body, spent);
    List<InputWitness> witnesses = new ArrayList<>(spent.size());
    for (int i = 0; i < spent.size(); i++) {
      int input = i;
      LockHash wanted = spent.get(i).lockHash();
      Ed25519PrivateKey key =
          keyFor(wanted, keys)
              .orElseThrow(
                  () ->
                      new TxException(
                          "input "
                              + input
                              + " spends an output locked to "
                              + wanted
                              + ", which is not SIG of any key given"));
      witnesses.add(signSig(key, sigHash, i));
    }
    return Tx.of(body, witnesses);
  }

  private static Optional<Ed25519PrivateKey> keyFor(
      LockHash lockHash, List<Ed25519PrivateKey> keys) {
    for (Ed25519PrivateKey key : keys) {
      if (new Lock.Sig(key.publicKey()).hash().equals(lockHash)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }
}
