package org.equinode.chain.lock;

import java.util.List;

/** The rules every AND, OR and THRESH node shares: the child count and the whole-tree limits. */
final class Composite {
  private Composite() {}

  static List<Lock> check(NodeKind kind, List<Lock> children) {
    List<Lock> copy = List.copyOf(children);
    if (copy.size() < 2 || copy.size() > Lock.MAX_CHILDREN) {
      throw new LockException(
          kind + " has " + copy.size() + " children, expected 2.." + Lock.MAX_CHILDREN);
    }
    if (depth(copy) > Lock.MAX_DEPTH) {
      throw new LockException(kind + " makes the lock deeper than MAX_DEPTH " + Lock.MAX_DEPTH);
    }
    int nodes = nodeCount(copy);
    if (nodes > Lock.MAX_NODES) {
      throw new LockException(
          kind + " makes a lock of " + nodes + " nodes, above MAX_NODES " + Lock.MAX_NODES);
    }
    int keys = keyCount(copy);
    if (keys > Lock.MAX_KEYS) {
      throw new LockException(
          kind + " makes a lock of " + keys + " keys, above MAX_KEYS " + Lock.MAX_KEYS);
    }
    return copy;
  }

  static int depth(List<Lock> children) {
    int deepest = 0;
    for (Lock child : children) {
      deepest = Math.max(deepest, child.depth());
    }
    return deepest + 1;
  }

  static int nodeCount(List<Lock> children) {
    int nodes = 1;
    for (Lock child : children) {
      nodes += child.nodeCount();
    }
    return nodes;
  }

  static int keyCount(List<Lock> children) {
    int keys = 0;
    for (Lock child : children) {
      keys += child.keyCount();
    }
    return keys;
  }
}
