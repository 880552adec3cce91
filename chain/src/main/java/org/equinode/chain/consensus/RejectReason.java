package org.equinode.chain.consensus;

/**
 * Why a header, block or transaction was rejected: one constant per rule, each with a stable code
 * in the manner of bitcoind's reject reasons ({@code "bad-txnmrklroot"}) and a {@link Kind} that
 * tells the caller what the rejection proves.
 */
public enum RejectReason {
  /** The bytes are not a canonical encoding (the decoder refused them). */
  BAD_ENCODING("bad-encoding", Kind.BODY_MISMATCH),
  /** The bytes exceed the largest block. */
  BAD_BLOCK_SIZE("bad-blk-length", Kind.BODY_MISMATCH),
  /** The bytes exceed the largest transaction. */
  BAD_TX_SIZE("bad-txns-oversize", Kind.PERMANENT),
  /** The header's hash does not meet its own target. */
  HIGH_HASH("high-hash", Kind.PERMANENT),
  /** The header's target is above the limit, or not the one ASERT requires. */
  BAD_DIFFICULTY("bad-diffbits", Kind.PERMANENT),
  /** The block's time is not above its parent's median time past. */
  TIME_TOO_OLD("time-too-old", Kind.PERMANENT),
  /** The block's time is more than the allowed drift ahead of the validating node's clock. */
  TIME_TOO_NEW("time-too-new", Kind.TEMPORARY),
  /** The header's transaction merkle root is not that of the block's txids. */
  BAD_MERKLE_ROOT("bad-txnmrklroot", Kind.BODY_MISMATCH),
  /** The header's witness merkle root is not that of the block's wtxids. */
  BAD_WITNESS_ROOT("bad-witness-merkle-match", Kind.BODY_MISMATCH),
  /** The first transaction is not a coinbase. */
  BAD_CB_MISSING("bad-cb-missing", Kind.PERMANENT),
  /** A transaction after the first is a coinbase. */
  BAD_CB_MULTIPLE("bad-cb-multiple", Kind.PERMANENT),
  /** Two transactions of the block have the same txid. */
  DUPLICATE_TX("bad-txns-duplicate", Kind.PERMANENT),
  /** Two transactions of the block spend the same output. */
  DOUBLE_SPEND_IN_BLOCK("bad-txns-inputs-duplicate", Kind.PERMANENT),
  /** The block's witnesses carry more than {@code BlockRules.MAX_BLOCK_SIGOPS} signatures. */
  TOO_MANY_SIGOPS("bad-blk-sigops", Kind.PERMANENT),
  /** A transaction's witnesses carry more than {@code TxRules.MAX_TX_SIGOPS} signatures. */
  TX_TOO_MANY_SIGOPS("bad-txns-too-many-sigops", Kind.PERMANENT),
  /** The coinbase's lock time is not the block's height. */
  BAD_CB_HEIGHT("bad-cb-height", Kind.PERMANENT),
  /** The coinbase pays more than the subsidy plus the fees. */
  BAD_CB_AMOUNT("bad-cb-amount", Kind.PERMANENT),
  /** A transaction's lock time is above the height of the block that would include it. */
  NON_FINAL("bad-txns-nonfinal", Kind.PERMANENT),
  /** An input spends an output that does not exist or is already spent. */
  MISSING_OR_SPENT_INPUTS("bad-txns-inputs-missingorspent", Kind.PERMANENT),
  /** An input spends a coinbase output younger than the coinbase maturity. */
  PREMATURE_COINBASE_SPEND("bad-txns-premature-spend-of-coinbase", Kind.PERMANENT),
  /** An input reveals a lock whose hash is not the one the spent output pays to. */
  LOCK_MISMATCH("bad-txns-lock-mismatch", Kind.PERMANENT),
  /** The spent amounts add up to more than {@code MAX_MONEY} (only a corrupt view can do this). */
  BAD_INPUT_VALUES("bad-txns-inputvalues-outofrange", Kind.PERMANENT),
  /** A transaction creates more than it spends. */
  OVERSPEND("bad-txns-in-belowout", Kind.PERMANENT),
  /** A witness does not satisfy its lock; the detail carries the lock checker's reason. */
  BAD_WITNESS("bad-witness", Kind.PERMANENT),
  /** A coinbase offered outside a block (to the mempool). */
  COINBASE_OUTSIDE_BLOCK("coinbase", Kind.PERMANENT);

  /** What a rejection proves, so that the caller knows whether to remember the block as invalid. */
  public enum Kind {
    /**
     * The header, block or transaction breaks a rule and always will on this chain: remember the
     * block hash (and its descendants) as invalid. For a transaction checked against the mempool's
     * view, the contextual reasons ({@code NON_FINAL}, {@code MISSING_OR_SPENT_INPUTS}, {@code
     * PREMATURE_COINBASE_SPEND}, and {@code BAD_WITNESS} from an {@code AFTER} or {@code OLDER})
     * may still pass later, as the chain grows or a parent arrives.
     */
    PERMANENT,
    /**
     * The bytes received are not the block the header commits to (they do not decode, or their
     * roots differ): the sender misbehaved, but the header is not condemned and the block may be
     * fetched from another peer.
     */
    BODY_MISMATCH,
    /** The verdict depends on the validating node's clock and may change: try again later. */
    TEMPORARY
  }

  private final String code;
  private final Kind kind;

  RejectReason(String code, Kind kind) {
    this.code = code;
    this.kind = kind;
  }

  /** The stable short code, such as {@code "bad-txnmrklroot"}. */
  public String code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }
}
