package org.equinode.chain.lock;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.crypto.TaggedHash;

/**
 * Decides whether a {@link Witness} satisfies a {@link Lock} in a {@link SpendContext}. Never
 * throws for a bad witness: the verdict names the first rule broken and the node's path ({@code /}
 * is the root, {@code /1/0} the first child of the root's second child).
 *
 * <p>Two passes: the first walks both trees and checks everything except signatures (shape, masks,
 * preimages, heights) and lists the signatures to verify; only when that passes are the signatures
 * verified. A witness that fails cheaply therefore costs no signature check.
 */
public final class LockChecker {
  private LockChecker() {}

  /** The verdict for {@code witness} against {@code lock}, verifying every signature. */
  public static LockVerdict check(Lock lock, Witness witness, SpendContext context) {
    return check(lock, witness, context, SignatureVerifier.direct());
  }

  /**
   * The verdict for {@code witness} against {@code lock}, with the signatures verified by {@code
   * verifier} (which may remember earlier successes). Every other rule is checked here, each time.
   */
  public static LockVerdict check(
      Lock lock, Witness witness, SpendContext context, SignatureVerifier verifier) {
    Walk walk = new Walk(context);
    Optional<String> broken = walk.node(lock, witness, "/");
    if (broken.isPresent()) {
      return new LockVerdict.Reject(broken.get());
    }
    Hash32 message = context.sigHash();
    for (PendingSignature pending : walk.pending) {
      if (!verifier.verify(pending.key(), pending.signature(), message)) {
        return new LockVerdict.Reject(pending.failure());
      }
    }
    return new LockVerdict.Accept(walk.pending.size());
  }

  private record PendingSignature(
      Ed25519PublicKey key, Ed25519Signature signature, String failure) {}

  private static final class Walk {
    private final SpendContext context;
    private final List<PendingSignature> pending = new ArrayList<>();

    Walk(SpendContext context) {
      this.context = context;
    }

    Optional<String> node(Lock lock, Witness witness, String path) {
      if (lock.kind() != witness.kind()) {
        return fail(lock, path, "the witness node is " + witness.kind());
      }
      return switch (lock) {
        case Lock.Sig sig -> {
          pending.add(
              new PendingSignature(
                  sig.key(),
                  ((Witness.Sig) witness).signature(),
                  at(lock, path) + ": signature does not verify"));
          yield Optional.empty();
        }
        case Lock.Multi multi -> multi(multi, (Witness.Multi) witness, path);
        case Lock.HashLock hash -> preimage(hash, (Witness.Preimage) witness, path);
        case Lock.After after -> after(after, path);
        case Lock.Older older ->
            context.inputAge() >= older.blocks()
                ? Optional.empty()
                : fail(
                    lock,
                    path,
                    "the spent output is "
                        + context.inputAge()
                        + " blocks old, below "
                        + older.blocks());
        case Lock.And and -> and(and, (Witness.And) witness, path);
        case Lock.Or or -> or(or, (Witness.Or) witness, path);
        case Lock.Thresh thresh -> thresh(thresh, (Witness.Thresh) witness, path);
      };
    }

    private Optional<String> multi(Lock.Multi lock, Witness.Multi witness, String path) {
      Optional<String> mask = mask(lock, witness.selected(), lock.k(), lock.keys().size(), path);
      if (mask.isPresent()) {
        return mask;
      }
      int next = 0;
      for (int i = 0; i < lock.keys().size(); i++) {
        if ((witness.selected() & (1 << i)) != 0) {
          pending.add(
              new PendingSignature(
                  lock.keys().get(i),
                  witness.signatures().get(next++),
                  at(lock, path) + ": signature for key " + i + " does not verify"));
        }
      }
      return Optional.empty();
    }

    private Optional<String> preimage(Lock.HashLock lock, Witness.Preimage witness, String path) {
      MessageDigest sha256 = TaggedHash.sha256();
      Hash32 digest = Hash32.of(sha256.digest(witness.preimage().toByteArray()));
      return digest.equals(lock.digest())
          ? Optional.empty()
          : fail(lock, path, "the preimage's SHA-256 is not the lock's digest");
    }

    private Optional<String> after(Lock.After lock, String path) {
      if (context.txLockTime() < lock.height()) {
        return fail(
            lock,
            path,
            "the transaction's lock time " + context.txLockTime() + " is below " + lock.height());
      }
      if (context.blockHeight() < lock.height()) {
        return fail(
            lock, path, "the block height " + context.blockHeight() + " is below " + lock.height());
      }
      return Optional.empty();
    }

    private Optional<String> and(Lock.And lock, Witness.And witness, String path) {
      int count = lock.children().size();
      if (witness.children().size() != count) {
        return fail(
            lock, path, witness.children().size() + " witnesses for " + count + " children");
      }
      for (int i = 0; i < count; i++) {
        Optional<String> child =
            node(lock.children().get(i), witness.children().get(i), child(path, i));
        if (child.isPresent()) {
          return child;
        }
      }
      return Optional.empty();
    }

    private Optional<String> or(Lock.Or lock, Witness.Or witness, String path) {
      int count = lock.children().size();
      if (witness.branch() >= count) {
        return fail(lock, path, "branch " + witness.branch() + " of " + count + " children");
      }
      int branch = witness.branch();
      return node(lock.children().get(branch), witness.child(), child(path, branch));
    }

    private Optional<String> thresh(Lock.Thresh lock, Witness.Thresh witness, String path) {
      int count = lock.children().size();
      Optional<String> mask = mask(lock, witness.selected(), lock.k(), count, path);
      if (mask.isPresent()) {
        return mask;
      }
      int next = 0;
      for (int i = 0; i < count; i++) {
        if ((witness.selected() & (1 << i)) != 0) {
          Optional<String> child =
              node(lock.children().get(i), witness.children().get(next++), child(path, i));
          if (child.isPresent()) {
            return child;
          }
        }
      }
      return Optional.empty();
    }

    /** A MULTI or THRESH mask must select exactly k of the n positions. */
    private static Optional<String> mask(Lock lock, int selected, int k, int n, String path) {
      if ((selected >>> n) != 0) {
        int beyond = 31 - Integer.numberOfLeadingZeros(selected);
        return fail(lock, path, "the witness selects position " + beyond + " of only " + n);
      }
      int chosen = Integer.bitCount(selected);
      if (chosen != k) {
        return fail(lock, path, "the witness selects " + chosen + ", the threshold is " + k);
      }
      return Optional.empty();
    }
  }

  private static String child(String path, int index) {
    return path.equals("/") ? "/" + index : path + "/" + index;
  }

  private static String at(Lock lock, String path) {
    return lock.kind() + " at " + path;
  }

  private static Optional<String> fail(Lock lock, String path, String what) {
    return Optional.of(at(lock, path) + ": " + what);
  }
}
