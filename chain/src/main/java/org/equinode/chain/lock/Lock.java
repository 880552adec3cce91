package org.equinode.chain.lock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.equinode.chain.ChainHashes;
import org.equinode.chain.LockHash;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PublicKey;

/**
 * A spending policy: a small tree of signature, hash and time conditions. An output pays to the
 * {@link #hash()} of a lock; the spender reveals the lock and a {@link Witness} that satisfies it.
 * Every instance is within the limits below: the constructors refuse anything else with a {@link
 * LockException}.
 */
public sealed interface Lock
    permits Lock.Sig,
        Lock.Multi,
        Lock.HashLock,
        Lock.After,
        Lock.Older,
        Lock.And,
        Lock.Or,
        Lock.Thresh {
  /** The most levels of nodes: a lone SIG has depth 1, AND(SIG, SIG) has depth 2. */
  int MAX_DEPTH = 8;

  /** The most nodes in a tree, leaves and inner nodes together. */
  int MAX_NODES = 64;

  /** The most public keys in a tree: one per SIG plus every key of every MULTI. */
  int MAX_KEYS = 32;

  /** The most keys in one MULTI. At most 32: a witness selects them with a 32-bit mask. */
  int MAX_MULTI_KEYS = 20;

  /** The most children of one AND, OR or THRESH. At most 32, for the same reason. */
  int MAX_CHILDREN = 16;

  /** The largest height of AFTER and block count of OLDER; both start at 1. */
  int MAX_HEIGHT = Integer.MAX_VALUE;

  /** No encoding of a lock within the limits above is longer (the largest is about 3.2 KB). */
  int MAX_ENCODED_SIZE = 4096;

  /** The kind of the root node. */
  NodeKind kind();

  /** Levels of nodes, 1 for a leaf. */
  int depth();

  /** Nodes in the tree. */
  int nodeCount();

  /** Public keys in the tree. */
  int keyCount();

  /** The canonical encoding, specified in {@code chain/README.md}. */
  default byte[] encode() {
    return LockCodec.encode(this);
  }

  /** What an output pays to: {@code H(eq/lock, encode())}. */
  default LockHash hash() {
    return new LockHash(ChainHashes.LOCK.hash(encode()));
  }

  /** Satisfied by a signature of the input's signature hash by {@code key}. */
  record Sig(Ed25519PublicKey key) implements Lock {
    @Override
    public NodeKind kind() {
      return NodeKind.SIG;
    }

    @Override
    public int depth() {
      return 1;
    }

    @Override
    public int nodeCount() {
      return 1;
    }

    @Override
    public int keyCount() {
      return 1;
    }
  }

  /**
   * Satisfied by signatures from {@code k} of the keys. The keys are distinct and in ascending
   * order of their bytes (unsigned), so that a k-of-n policy has one encoding; {@link #sorted}
   * sorts them.
   */
  record Multi(int k, List<Ed25519PublicKey> keys) implements Lock {
    private static final Comparator<Ed25519PublicKey> BYTE_ORDER =
        (a, b) -> Arrays.compareUnsigned(a.toByteArray(), b.toByteArray());

    public Multi {
      keys = List.copyOf(keys);
      if (keys.isEmpty() || keys.size() > MAX_MULTI_KEYS) {
        throw new LockException(
            "MULTI has " + keys.size() + " keys, expected 1.." + MAX_MULTI_KEYS);
      }
      if (k < 1 || k > keys.size()) {
        throw new LockException(
            "MULTI threshold " + k + " is outside 1.." + keys.size() + " (the number of keys)");
      }
      for (int i = 1; i < keys.size(); i++) {
        if (BYTE_ORDER.compare(keys.get(i - 1), keys.get(i)) >= 0) {
          throw new LockException(
              "MULTI keys must be distinct and in ascending byte order: key "
                  + i
                  + " is not above key "
                  + (i - 1));
        }
      }
    }

    /** The k-of-n lock over these keys, in canonical order. */
    public static Multi sorted(int k, Collection<Ed25519PublicKey> keys) {
      List<Ed25519PublicKey> ordered = new ArrayList<>(keys);
      ordered.sort(BYTE_ORDER);
      return new Multi(k, ordered);
    }

    @Override
    public NodeKind kind() {
      return NodeKind.MULTI;
    }

    @Override
    public int depth() {
      return 1;
    }

    @Override
    public int nodeCount() {
      return 1;
    }

    @Override
    public int keyCount() {
      return keys.size();
    }
  }

  /**
   * Satisfied by a 32-byte preimage whose plain SHA-256 (not a tagged hash, so that the same secret
   * unlocks a hash lock on another chain) is {@code digest}.
   */
  record HashLock(Hash32 digest) implements Lock {
    @Override
    public NodeKind kind() {
      return NodeKind.HASH;
    }

    @Override
    public int depth() {
      return 1;
    }

    @Override
    public int nodeCount() {
      return 1;
    }

    @Override
    public int keyCount() {
      return 0;
    }
  }

  /**
   * Satisfied when the spending transaction's lock time is at least {@code height} and the block
   * that includes it is at that height or above.
   */
  record After(int height) implements Lock {
    public After {
      if (height < 1) {
        throw new LockException("AFTER height " + height + " is outside 1.." + MAX_HEIGHT);
      }
    }

    @Override
    public NodeKind kind() {
      return NodeKind.AFTER;
    }

    @Override
    public int depth() {
      return 1;
    }

    @Override
    public int nodeCount() {
      return 1;
    }

    @Override
    public int keyCount() {
      return 0;
    }
  }

  /** Satisfied when the spent output is at least {@code blocks} blocks old (see the README). */
  record Older(int blocks) implements Lock {
    public Older {
      if (blocks < 1) {
        throw new LockException("OLDER block count " + blocks + " is outside 1.." + MAX_HEIGHT);
      }
    }

    @Override
    public NodeKind kind() {
      return NodeKind.OLDER;
    }

    @Override
    public int depth() {
      return 1;
    }

    @Override
    public int nodeCount() {
      return 1;
    }

    @Override
    public int keyCount() {
      return 0;
    }
  }

  /** Satisfied when every child is; at least two children. */
  record And(List<Lock> children) implements Lock {
    public And {
      children = Composite.check(NodeKind.AND, children);
    }

    @Override
    public NodeKind kind() {
      return NodeKind.AND;
    }

    @Override
    public int depth() {
      return Composite.depth(children);
    }

    @Override
    public int nodeCount() {
      return Composite.nodeCount(children);
    }

    @Override
    public int keyCount() {
      return Composite.keyCount(children);
    }
  }

  /** Satisfied when one chosen child is; at least two children. */
  record Or(List<Lock> children) implements Lock {
    public Or {
      children = Composite.check(NodeKind.OR, children);
    }

    @Override
    public NodeKind kind() {
      return NodeKind.OR;
    }

    @Override
    public int depth() {
      return Composite.depth(children);
    }

    @Override
    public int nodeCount() {
      return Composite.nodeCount(children);
    }

    @Override
    public int keyCount() {
      return Composite.keyCount(children);
    }
  }

  /** Satisfied when exactly {@code k} chosen children are; at least two children. */
  record Thresh(int k, List<Lock> children) implements Lock {
    public Thresh {
      children = Composite.check(NodeKind.THRESH, children);
      if (k < 1 || k > children.size()) {
        throw new LockException(
            "THRESH threshold "
                + k
                + " is outside 1.."
                + children.size()
                + " (the number of children)");
      }
    }

    @Override
    public NodeKind kind() {
      return NodeKind.THRESH;
    }

    @Override
    public int depth() {
      return Composite.depth(children);
    }

    @Override
    public int nodeCount() {
      return Composite.nodeCount(children);
    }

    @Override
    public int keyCount() {
      return Composite.keyCount(children);
    }
  }
}
