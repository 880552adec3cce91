package org.equinode.chain.lock;

import java.util.List;

/** Rules shared by witness nodes: selection masks and the whole-tree limits. */
final class Selection {
  private Selection() {}

  /** A mask of chosen keys or children: not empty, within {@code width} bits, one item per bit. */
  static void check(NodeKind kind, int selected, int items, int width) {
    if (selected == 0) {
      throw new LockException(kind + " witness selects nothing");
    }
    if ((selected >>> width) != 0) {
      throw new LockException(
          kind
              + " witness selects beyond the first "
              + width
              + " positions: mask 0x"
              + Integer.toHexString(selected));
    }
    if (Integer.bitCount(selected) != items) {
      throw new LockException(
          kind + " witness selects " + Integer.bitCount(selected) + " but carries " + items);
    }
  }

  static void checkTree(NodeKind kind, List<Witness> children) {
    if (depth(children) > Lock.MAX_DEPTH) {
      throw new LockException(kind + " witness deeper than MAX_DEPTH " + Lock.MAX_DEPTH);
    }
    if (nodeCount(children) > Lock.MAX_NODES) {
      throw new LockException(kind + " witness has more than MAX_NODES " + Lock.MAX_NODES);
    }
    if (signatureCount(children) > Lock.MAX_KEYS) {
      throw new LockException(kind + " witness has more signatures than MAX_KEYS " + Lock.MAX_KEYS);
    }
  }

  static int depth(List<Witness> children) {
    int deepest = 0;
    for (Witness child : children) {
      deepest = Math.max(deepest, child.depth());
    }
    return deepest + 1;
  }

  static int nodeCount(List<Witness> children) {
    int nodes = 1;
    for (Witness child : children) {
      nodes += child.nodeCount();
    }
    return nodes;
  }

  static int signatureCount(List<Witness> children) {
    int signatures = 0;
    for (Witness child : children) {
      signatures += child.signatureCount();
    }
    return signatures;
  }
}
