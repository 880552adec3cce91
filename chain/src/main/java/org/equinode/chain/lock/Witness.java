package org.equinode.chain.lock;

import java.util.List;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519Signature;

/**
 * What satisfies a {@link Lock}: a tree of the same shape, node for node. Each witness node has the
 * lock node's kind and carries only what that node needs: a signature, a preimage, the chosen
 * branch of an OR, or a mask of the chosen keys of a MULTI or children of a THRESH. Nothing is
 * carried for a key or child that is not used, so a witness has one encoding for one choice.
 *
 * <p>The constructors keep a witness within the lock limits (depth, nodes, signatures); whether it
 * satisfies a particular lock is decided by {@link LockChecker}.
 */
public sealed interface Witness
    permits Witness.Sig,
        Witness.Multi,
        Witness.Preimage,
        Witness.After,
        Witness.Older,
        Witness.And,
        Witness.Or,
        Witness.Thresh {
  /** No encoding of a witness within the limits is longer (the largest is about 3.2 KB). */
  int MAX_ENCODED_SIZE = 4096;

  /** The length of a hash-lock preimage. */
  int PREIMAGE_LENGTH = Hash32.LENGTH;

  NodeKind kind();

  /** Levels of nodes, 1 for a leaf. */
  int depth();

  /** Nodes in the tree. */
  int nodeCount();

  /** Signatures carried: the signature checks that verifying this witness costs ("sigops"). */
  int signatureCount();

  /** The canonical encoding, specified in {@code chain/README.md}. */
  default byte[] encode() {
    return WitnessCodec.encode(this);
  }

  /** A signature for a SIG. */
  record Sig(Ed25519Signature signature) implements Witness {
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
    public int signatureCount() {
      return 1;
    }
  }

  /**
   * Signatures for a MULTI: bit {@code i} of {@code selected} set means key {@code i} signs, and
   * {@code signatures} holds one signature per set bit, in key order.
   */
  record Multi(int selected, List<Ed25519Signature> signatures) implements Witness {
    public Multi {
      signatures = List.copyOf(signatures);
      Selection.check(NodeKind.MULTI, selected, signatures.size(), Lock.MAX_MULTI_KEYS);
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
    public int signatureCount() {
      return signatures.size();
    }
  }

  /** The 32-byte secret whose SHA-256 a HASH lock names. */
  record Preimage(Hash32 preimage) implements Witness {
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
    public int signatureCount() {
      return 0;
    }
  }

  /** Nothing: an AFTER is satisfied by the transaction and the block, not by data. */
  record After() implements Witness {
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
    public int signatureCount() {
      return 0;
    }
  }

  /** Nothing: an OLDER is satisfied by the spent output's age. */
  record Older() implements Witness {
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
    public int signatureCount() {
      return 0;
    }
  }

  /** One witness per child of an AND, in order. */
  record And(List<Witness> children) implements Witness {
    public And {
      children = List.copyOf(children);
      if (children.size() < 2 || children.size() > Lock.MAX_CHILDREN) {
        throw new LockException(
            "AND witness has " + children.size() + " children, expected 2.." + Lock.MAX_CHILDREN);
      }
      Selection.checkTree(NodeKind.AND, children);
    }

    @Override
    public NodeKind kind() {
      return NodeKind.AND;
    }

    @Override
    public int depth() {
      return Selection.depth(children);
    }

    @Override
    public int nodeCount() {
      return Selection.nodeCount(children);
    }

    @Override
    public int signatureCount() {
      return Selection.signatureCount(children);
    }
  }

  /** The index of the chosen child of an OR and that child's witness. */
  record Or(int branch, Witness child) implements Witness {
    public Or {
      if (branch < 0 || branch >= Lock.MAX_CHILDREN) {
        throw new LockException(
            "OR witness branch " + branch + " is outside 0.." + (Lock.MAX_CHILDREN - 1));
      }
      Selection.checkTree(NodeKind.OR, List.of(child));
    }

    @Override
    public NodeKind kind() {
      return NodeKind.OR;
    }

    @Override
    public int depth() {
      return child.depth() + 1;
    }

    @Override
    public int nodeCount() {
      return child.nodeCount() + 1;
    }

    @Override
    public int signatureCount() {
      return child.signatureCount();
    }
  }

  /**
   * Witnesses for the chosen children of a THRESH: bit {@code i} of {@code selected} set means
   * child {@code i} is satisfied, and {@code children} holds one witness per set bit, in child
   * order.
   */
  record Thresh(int selected, List<Witness> children) implements Witness {
    public Thresh {
      children = List.copyOf(children);
      Selection.check(NodeKind.THRESH, selected, children.size(), Lock.MAX_CHILDREN);
      Selection.checkTree(NodeKind.THRESH, children);
    }

    @Override
    public NodeKind kind() {
      return NodeKind.THRESH;
    }

    @Override
    public int depth() {
      return Selection.depth(children);
    }

    @Override
    public int nodeCount() {
      return Selection.nodeCount(children);
    }

    @Override
    public int signatureCount() {
      return Selection.signatureCount(children);
    }
  }
}
