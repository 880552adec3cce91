package org.equinode.chain.lock;

import java.util.Optional;

/**
 * The kinds of lock node, with the tag byte that starts each node's encoding. A witness node has
 * the same tag as the lock node it satisfies.
 */
public enum NodeKind {
  SIG(0x01),
  MULTI(0x02),
  HASH(0x03),
  AFTER(0x04),
  OLDER(0x05),
  AND(0x06),
  OR(0x07),
  THRESH(0x08);

  private final int tag;

  NodeKind(int tag) {
    this.tag = tag;
  }

  /** The tag byte. */
  public int tag() {
    return tag;
  }

  /** The kind with this tag byte, if any. */
  public static Optional<NodeKind> ofTag(int tag) {
    for (NodeKind kind : values()) {
      if (kind.tag == tag) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
