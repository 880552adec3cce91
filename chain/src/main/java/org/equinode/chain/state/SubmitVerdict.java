package org.equinode.chain.state;

import org.equinode.chain.BlockHash;
import org.equinode.chain.consensus.RejectReason;

/**
 * What became of a block handed to {@link ChainState#submitBlock}. A caller that got the block from
 * a peer maps {@link Rejected} to a penalty by its reason's {@link RejectReason#kind()}, and {@link
 * KnownInvalid} like a permanent rejection.
 */
public sealed interface SubmitVerdict {
  /** The block's hash. */
  BlockHash hash();

  /**
   * The block is valid as far as could be checked and is stored.
   *
   * @param hash the block
   * @param height its height
   * @param onActiveChain true when it is on the active chain now (usually the new tip); false when
   *     it waits on a branch with less work, where its transactions are checked only if that branch
   *     ever wins
   */
  record Accepted(BlockHash hash, int height, boolean onActiveChain) implements SubmitVerdict {}

  /**
   * The block was stored before; nothing changed.
   *
   * @param hash the block
   */
  record AlreadyKnown(BlockHash hash) implements SubmitVerdict {}

  /**
   * The block's parent is unknown, so it cannot be checked; it is not kept. The caller fetches the
   * parent (headers first) and submits the blocks again in order.
   *
   * @param hash the block
   * @param parent the missing parent
   */
  record MissingParent(BlockHash hash, BlockHash parent) implements SubmitVerdict {}

  /**
   * The block breaks a consensus rule. When the reason's kind is {@code BODY_MISMATCH} the bytes
   * were not the block the header commits to, and the same header with the right transactions may
   * still be accepted; when it is {@code TEMPORARY} the block may pass later.
   *
   * @param hash the block
   * @param reason the rule
   * @param detail what broke it and where
   */
  record Rejected(BlockHash hash, RejectReason reason, String detail) implements SubmitVerdict {}

  /**
   * The block is marked invalid: it broke a rule when it was connected before, or it descends from
   * a block that did (now or earlier).
   *
   * @param hash the block
   * @param detail which block broke which rule, when known
   */
  record KnownInvalid(BlockHash hash, String detail) implements SubmitVerdict {}
}
