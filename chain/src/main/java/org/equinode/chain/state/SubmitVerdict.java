package org.equinode.chain.state;

import org.equinode.chain.BlockHash;

/** What became of a block handed to {@link ChainState#submitBlock}. */
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
   * The block breaks a rule, or descends from a block that does.
   *
   * @param hash the block
   * @param reason which rule and where, for logs and peer penalties
   */
  record Rejected(BlockHash hash, String reason) implements SubmitVerdict {}
}
