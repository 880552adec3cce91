package org.equinode.chain.mempool;

import java.util.List;
import java.util.Optional;
import org.equinode.chain.TxId;
import org.equinode.chain.consensus.RejectReason;
import org.equinode.chain.consensus.Verdict;

/**
 * The mempool's answer to a transaction: accepted, held as an orphan until its parents arrive, or
 * rejected with a reason. Never an exception for what a peer sent.
 */
public sealed interface MempoolVerdict
    permits MempoolVerdict.Accepted, MempoolVerdict.Orphan, MempoolVerdict.Rejected {

  /**
   * Accepted (by {@link Mempool#testAccept}: would be accepted).
   *
   * @param entry the transaction as the mempool keeps it
   * @param replaced the mempool transactions it replaced (replace-by-fee), with their descendants,
   *     in the order they arrived
   */
  record Accepted(MempoolEntry entry, List<MempoolEntry> replaced) implements MempoolVerdict {
    public Accepted {
      replaced = List.copyOf(replaced);
    }
  }

  /**
   * Some inputs spend outputs of transactions neither the chain nor the mempool knows.
   *
   * @param txId the orphan
   * @param missingParents the txids of those unknown transactions, each once, in input order: what
   *     to ask the sender for
   * @param held whether the orphan pool keeps it, to retry when a parent arrives (never for {@link
   *     Mempool#testAccept})
   */
  record Orphan(TxId txId, List<TxId> missingParents, boolean held) implements MempoolVerdict {
    public Orphan {
      missingParents = List.copyOf(missingParents);
    }
  }

  /**
   * Rejected.
   *
   * @param reason the mempool's reason; {@link MempoolReason#INVALID} exactly when {@code
   *     consensusReason} is present
   * @param consensusReason the consensus rule broken, for {@link MempoolReason#INVALID}
   * @param detail what was wrong and where
   */
  record Rejected(MempoolReason reason, Optional<RejectReason> consensusReason, String detail)
      implements MempoolVerdict {
    public Rejected {
      if ((reason == MempoolReason.INVALID) != consensusReason.isPresent()) {
        throw new MempoolException(
            "a rejection carries a consensus reason exactly when it is INVALID: "
                + reason
                + ", "
                + consensusReason);
      }
      if (reason == MempoolReason.ORPHAN) {
        throw new MempoolException("an orphan is reported as MempoolVerdict.Orphan");
      }
    }

    /** A policy rejection. */
    public static Rejected of(MempoolReason reason, String detail) {
      return new Rejected(reason, Optional.empty(), detail);
    }

    /** A consensus rejection. */
    public static Rejected invalid(Verdict.Reject<?> reject) {
      return new Rejected(MempoolReason.INVALID, Optional.of(reject.reason()), reject.detail());
    }

    /** The consensus code for an invalid transaction, the mempool's code otherwise. */
    public String code() {
      return consensusReason.map(RejectReason::code).orElse(reason.code());
    }

    @Override
    public String toString() {
      return code() + ": " + detail;
    }
  }

  default boolean isAccepted() {
    return this instanceof Accepted;
  }

  /** The reason of an orphan ({@link MempoolReason#ORPHAN}) or a rejection; empty when accepted. */
  default Optional<MempoolReason> mempoolReason() {
    return switch (this) {
      case Accepted accepted -> Optional.empty();
      case Orphan orphan -> Optional.of(MempoolReason.ORPHAN);
      case Rejected rejected -> Optional.of(rejected.reason());
    };
  }
}
