package org.equinode.wallet.spend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.equinode.chain.Amount;
import org.equinode.chain.lock.LockChecker;
import org.equinode.chain.lock.LockVerdict;
import org.equinode.chain.lock.SpendContext;
import org.equinode.chain.lock.Witness;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.SigHash;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxBody;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.wallet.WalletException;

/**
 * A transaction whose body is final (inputs, outputs, lock time, hence its txid and every signature
 * hash) and whose witnesses are planned but not yet signed. One party signs it whole with {@link
 * #sign(KeyRing)}; for an escrow, each cosigner adds {@link #signatures(KeyRing)} and one party
 * completes it with {@link #sign(KeyRing, List)}.
 *
 * @param body the transaction without witnesses
 * @param inputs what each input spends and how, in input order
 * @param fee what it pays the miner
 * @param size the full encoded size once signed
 * @param nextHeight the height of the block it was built for
 */
public record UnsignedTx(
    TxBody body, List<SpendableInput> inputs, Amount fee, int size, int nextHeight) {
  public UnsignedTx {
    inputs = List.copyOf(inputs);
  }

  /** The outputs the inputs spend, in input order. */
  public List<TxOut> spent() {
    return inputs.stream().map(SpendableInput::output).toList();
  }

  /** The signature hash of every input. */
  public SigHash sigHash() {
    return SigHash.of(body, spent());
  }

  /**
   * The signatures {@code ring} can give for the keys the plans need: a cosigner's contribution.
   */
  public List<PartialSignature> signatures(KeyRing ring) {
    SigHash sigHash = sigHash();
    List<PartialSignature> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Hash32 hash = sigHash.forInput(i);
      for (Ed25519PublicKey key : inputs.get(i).plan().signers()) {
        if (ring.canSign(key)) {
          out.add(new PartialSignature(i, key, ring.sign(key, hash)));
        }
      }
    }
    return out;
  }

  /** Signs every input with {@code ring} alone. */
  public Tx sign(KeyRing ring) {
    return sign(ring, List.of());
  }

  /**
   * Signs every input: with {@code ring} where it can, with {@code cosigned} elsewhere. Checks the
   * result input by input with {@link LockChecker}, as a node would for the next block.
   *
   * @throws WalletException if a signature is missing, or an input does not check (a cosigner's
   *     signature that does not verify, say)
   */
  public Tx sign(KeyRing ring, List<PartialSignature> cosigned) {
    Map<Integer, Map<Ed25519PublicKey, Ed25519Signature>> given = new HashMap<>();
    for (PartialSignature partial : cosigned) {
      given
          .computeIfAbsent(partial.input(), i -> new HashMap<>())
          .put(partial.key(), partial.signature());
    }
    SigHash sigHash = sigHash();
    List<InputWitness> witnesses = new ArrayList<>();
    List<Witness> plain = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      int input = i;
      Hash32 hash = sigHash.forInput(i);
      Map<Ed25519PublicKey, Ed25519Signature> theirs = given.getOrDefault(i, Map.of());
      Witness witness =
          inputs
              .get(i)
              .plan()
              .witness(
                  key -> {
                    if (ring.canSign(key)) {
                      return ring.sign(key, hash);
                    }
                    Ed25519Signature signature = theirs.get(key);
                    if (signature == null) {
                      throw new WalletException(
                          "input " + input + " needs a signature of key " + key + ", none given");
                    }
                    return signature;
                  });
      plain.add(witness);
      witnesses.add(new InputWitness.Spend(inputs.get(i).lock(), witness));
    }
    Tx tx = Tx.of(body, witnesses);
    for (int i = 0; i < inputs.size(); i++) {
      int age = inputs.get(i).height().map(h -> Math.max(0, nextHeight - h)).orElse(0);
      SpendContext context =
          new SpendContext(sigHash.forInput(i), nextHeight, body.lockTime(), age);
      LockVerdict verdict = LockChecker.check(inputs.get(i).lock(), plain.get(i), context);
      if (verdict instanceof LockVerdict.Reject reject) {
        throw new WalletException("input " + i + " does not check: " + reject.reason());
      }
    }
    if (tx.size() != size) {
      throw new IllegalStateException(
          "the signed transaction has " + tx.size() + " bytes, " + size + " were planned");
    }
    return tx;
  }
}
