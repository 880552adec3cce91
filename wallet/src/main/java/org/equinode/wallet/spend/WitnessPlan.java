package org.equinode.wallet.spend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.equinode.chain.lock.Witness;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;

/**
 * How a witness will satisfy a lock, decided before the transaction is signed: which OR branch,
 * which keys of a MULTI, which preimage. It mirrors {@link Witness} node for node, with the keys
 * that must sign in place of signatures, so that its size is known exactly before signing (every
 * Ed25519 signature is 64 bytes) and the fee can be computed.
 */
public sealed interface WitnessPlan
    permits WitnessPlan.Sig,
        WitnessPlan.Multi,
        WitnessPlan.Preimage,
        WitnessPlan.After,
        WitnessPlan.Older,
        WitnessPlan.And,
        WitnessPlan.Or,
        WitnessPlan.Thresh {
  /** Stands in for a signature when measuring. */
  Ed25519Signature DUMMY_SIGNATURE = Ed25519Signature.of(new byte[Ed25519Signature.LENGTH]);

  /** The witness, with signatures from {@code signer}. */
  Witness witness(Function<Ed25519PublicKey, Ed25519Signature> signer);

  /** The lowest lock time the spending transaction needs: the highest AFTER chosen, or 0. */
  int lockTime();

  /** The keys whose signatures the witness carries, in witness order. */
  default List<Ed25519PublicKey> signers() {
    List<Ed25519PublicKey> keys = new ArrayList<>();
    witness(
        key -> {
          keys.add(key);
          return DUMMY_SIGNATURE;
        });
    return keys;
  }

  /** The encoded length of the witness. */
  default int size() {
    return witness(key -> DUMMY_SIGNATURE).encode().length;
  }

  record Sig(Ed25519PublicKey key) implements WitnessPlan {
    @Override
    public Witness witness(Function<Ed25519PublicKey, Ed25519Signature> signer) {
      return new Witness.Sig(signer.apply(key));
    }

    @Override
    public int lockTime() {
      return 0;
    }
  }

  /**
   * Signatures of some keys of a MULTI.
   *
   * @param selected bit {@code i} set when key {@code i} of the lock signs
   * @param keys the signing keys, in key order
   */
  record Multi(int selected, List<Ed25519PublicKey> keys) implements WitnessPlan {
    public Multi {
      keys = List.copyOf(keys);
    }

    @Override
    public Witness witness(Function<Ed25519PublicKey, Ed25519Signature> signer) {
      return new Witness.Multi(selected, keys.stream().map(signer).toList());
    }

    @Override
    public int lockTime() {
      return 0;
    }
  }

  record Preimage(Hash32 preimage) implements WitnessPlan {
    @Override
    public Witness witness(Function<Ed25519PublicKey, Ed25519Signature> signer) {
      return new Witness.Preimage(preimage);
    }

    @Override
    public int lockTime() {
      return 0;
    }

    @Override
    public String toString() {
      return "Preimage[hidden]";
    }
  }

  record After(int height) implements WitnessPlan {
    @Override
    public Witness witness(Function<Ed25519PublicKey, Ed25519Signature> signer) {
      return new Witness.After();
    }

    @Override
    public int lockTime() {
      return height;
    }
  }

  record Older() implements WitnessPlan {
    @Override
    public Witness witness(Function<Ed25519PublicKey, Ed25519Signature> signer) {
      return new Witness.Older();
    }

    @Override
    public int lockTime() {
      return 0;
    }
  }

  record And(List<WitnessPlan> children) implements WitnessPlan {
    public And {
      children = List.copyOf(children);
    }

    @Override
    public Witness witness(Function<Ed25519PublicKey, Ed25519Signature> signer) {
      return new Witness.And(children.stream().map(c -> c.witness(signer)).toList());
    }

    @Override
    public int lockTime() {
      return children.stream().mapToInt(WitnessPlan::lockTime).max().orElse(0);
    }
  }

  record Or(int branch, WitnessPlan child) implements WitnessPlan {
    @Override
    public Witness witness(Function<Ed25519PublicKey, Ed25519Signature> signer) {
      return new Witness.Or(branch, child.witness(signer));
    }

    @Override
    public int lockTime() {
      return child.lockTime();
    }
  }

  /**
   * Witnesses of some children of a THRESH.
   *
   * @param selected bit {@code i} set when child {@code i} of the lock is satisfied
   * @param children the plans of the chosen children, in child order
   */
  record Thresh(int selected, List<WitnessPlan> children) implements WitnessPlan {
    public Thresh {
      children = List.copyOf(children);
    }

    @Override
    public Witness witness(Function<Ed25519PublicKey, Ed25519Signature> signer) {
      return new Witness.Thresh(selected, children.stream().map(c -> c.witness(signer)).toList());
    }

    @Override
    public int lockTime() {
      return children.stream().mapToInt(WitnessPlan::lockTime).max().orElse(0);
    }
  }
}
