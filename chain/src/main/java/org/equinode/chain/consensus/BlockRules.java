package org.equinode.chain.consensus;

import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.block.CompactTarget;
import org.equinode.chain.params.ChainParams;
import org.equinode.common.DecodeException;

/**
 * The rules of blocks, in the stages a node meets them: the header by itself ({@link
 * #checkHeader}), the header against its parent ({@link #checkHeaderContext}), the body by itself
 * ({@link #checkBody}), and the body against the parent's unspent outputs ({@link #connect}).
 * {@link #validate} runs all four in order. Each stage assumes the earlier ones passed.
 */
public final class BlockRules {
  /**
   * The most signatures a block's witnesses may carry, so that verifying a block costs at most
   * about 0.6 s of one core. A full block of ordinary one-signature inputs carries fewer (about 134
   * bytes per signature: at most 7,460 in a megabyte); only dense multi-signature blocks reach it.
   */
  public static final int MAX_BLOCK_SIGOPS = 8_000;

  private BlockRules() {}

  /** Decodes a block received as bytes: a verdict, never an exception. */
  public static Verdict<Block> decode(byte[] bytes) {
    if (bytes.length > Block.MAX_BLOCK_SIZE) {
      return Verdict.reject(
          RejectReason.BAD_BLOCK_SIZE,
          "block of " + bytes.length + " bytes exceeds MAX_BLOCK_SIZE " + Block.MAX_BLOCK_SIZE);
    }
    try {
      return Verdict.accept(Block.decode(bytes));
    } catch (DecodeException e) {
      return Verdict.reject(RejectReason.BAD_ENCODING, "block: " + e.getMessage());
    }
  }

  /**
   * What a header says about itself: its target is within the network's limit ({@link
   * RejectReason#BAD_DIFFICULTY}) and its hash meets it ({@link RejectReason#HIGH_HASH}). Accepts
   * with the header's hash.
   */
  public static Verdict<BlockHash> checkHeader(BlockHeader header, ChainParams params) {
    if (header.bits().target().compareTo(params.powLimit().target()) > 0) {
      return Verdict.reject(
          RejectReason.BAD_DIFFICULTY,
          "header target " + header.bits() + " is above the limit " + params.powLimit());
    }
    BlockHash hash = header.hash();
    if (!header.bits().isMetBy(hash)) {
      return Verdict.reject(
          RejectReason.HIGH_HASH, "block " + hash + " does not meet its target " + header.bits());
    }
    return Verdict.accept(hash);
  }

  /**
   * A header against its parent: the target ASERT requires ({@link RejectReason#BAD_DIFFICULTY}), a
   * time above the median time past ({@link RejectReason#TIME_TOO_OLD}) and at most {@code
   * maxFutureBlockTime} past {@code context.now()} ({@link RejectReason#TIME_TOO_NEW}).
   *
   * @throws ConsensusException if the header's previous hash is not {@code context.parentHash()}
   */
  public static Verdict<CheckedHeader> checkHeaderContext(
      BlockHeader header, HeaderContext context, ChainParams params) {
    if (!header.previous().equals(context.parentHash())) {
      throw new ConsensusException(
          "the header's parent is "
              + header.previous()
              + ", the context's is "
              + context.parentHash());
    }
    CompactTarget expected =
        Asert.of(params).nextBits(context.parentHeight(), context.parentTime());
    if (!header.bits().equals(expected)) {
      return Verdict.reject(
          RejectReason.BAD_DIFFICULTY,
          "header target "
              + header.bits()
              + " at height "
              + context.height()
              + ", ASERT requires "
              + expected);
    }
    if (header.time() <= context.medianTimePast()) {
      return Verdict.reject(
          RejectReason.TIME_TOO_OLD,
          "block time "
              + header.time()
              + " is not above the median time past "
              + context.medianTimePast());
    }
    long latest = context.now() + params.maxFutureBlockTime();
    if (header.time() > latest) {
      return Verdict.reject(
          RejectReason.TIME_TOO_NEW,
          "block time "
              + header.time()
              + " is more than "
              + params.maxFutureBlockTime()
              + " s past the clock "
              + context.now());
    }
    return Verdict.accept(new CheckedHeader(header.hash(), context.height(), header.bits().work()));
  }

  /**
   * What a block's transactions say about themselves: both merkle roots ({@link
   * RejectReason.Kind#BODY_MISMATCH} when they differ), the coinbase first and only, no repeated
   * txid, each transaction's stateless rules, no output spent twice, at most {@link
   * #MAX_BLOCK_SIGOPS} signatures.
   */
  public static Verdict<Block> checkBody(Block block, ChainParams params) {
    return BodyRules.check(block);
  }

  /**
   * A block, whose body passed {@link #checkBody}, against the unspent outputs of its parent: the
   * coinbase's height, each transaction's finality, inputs (which may spend outputs created earlier
   * in the block), maturity, lock hashes and amounts, the coinbase's amount, then every witness.
   * Accepts with the fees and the coins spent and created.
   *
   * @param height the block's height
   * @param view the unspent outputs as of the parent; not changed
   * @throws ConsensusException if the first transaction is not a coinbase (the body was not
   *     checked)
   */
  public static Verdict<ConnectedBlock> connect(
      Block block, int height, UtxoView view, ChainParams params, SignatureChecker checker) {
    return BlockConnector.connect(block, height, view, params, checker);
  }

  /**
   * Every stage for a block whose parent is described by {@code context} and whose parent's unspent
   * outputs are {@code view}.
   */
  public static Verdict<ConnectedBlock> validate(
      Block block,
      HeaderContext context,
      UtxoView view,
      ChainParams params,
      SignatureChecker checker) {
    return checkHeader(block.header(), params)
        .then(hash -> checkHeaderContext(block.header(), context, params))
        .then(header -> checkBody(block, params))
        .then(body -> connect(block, context.height(), view, params, checker));
  }
}
