package org.equinode.chain.consensus;

import static org.equinode.chain.consensus.ConsensusVector.accept;
import static org.equinode.chain.consensus.ConsensusVector.reject;

import java.util.List;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.CompactTarget;

/** Vectors of the header rules: proof of work, difficulty and time. */
final class HeaderVectors {
  private HeaderVectors() {}

  static List<ConsensusVector> all() {
    TestChain base = BaseChain.chain();
    TestChain fast = fastChain();
    Block onAsert = fast.next().time(medianTimePast(fast) + 1).build();
    if (onAsert.header().bits().equals(TestChain.PARAMS.powLimit())) {
      throw new AssertionError("the fast chain should have raised the difficulty");
    }
    long mtp = medianTimePast(base);
    return List.of(
        accept(
            "a block on schedule at the proof-of-work limit",
            base,
            base.next().build(),
            RejectReason.HIGH_HASH),
        reject(
            "a hash above the target",
            RejectReason.HIGH_HASH,
            base,
            base.next().highHash().build()),
        reject(
            "a target above the network's limit",
            RejectReason.BAD_DIFFICULTY,
            base,
            base.next().bits(new CompactTarget(0x207fffff)).build()),
        reject(
            "a target harder than ASERT's",
            RejectReason.BAD_DIFFICULTY,
            base,
            base.next()
                .bits(CompactTarget.of(TestChain.PARAMS.powLimit().target().shiftRight(1)))
                .build()),
        accept(
            "after blocks faster than the schedule, the harder target ASERT requires",
            fast,
            onAsert,
            RejectReason.BAD_DIFFICULTY),
        reject(
            "after blocks faster than the schedule, the limit's easier target",
            RejectReason.BAD_DIFFICULTY,
            fast,
            fast.next().time(medianTimePast(fast) + 1).bits(TestChain.PARAMS.powLimit()).build()),
        accept(
            "a time one second above the median time past",
            base,
            base.next().time(mtp + 1).build(),
            RejectReason.TIME_TOO_OLD),
        reject(
            "a time equal to the median time past",
            RejectReason.TIME_TOO_OLD,
            base,
            base.next().time(mtp).build()),
        accept(
            "a time 600 s past the clock",
            base,
            base.next().time(TestChain.NOW + 600).build(),
            RejectReason.TIME_TOO_NEW),
        reject(
            "a time 601 s past the clock",
            RejectReason.TIME_TOO_NEW,
            base,
            base.next().time(TestChain.NOW + 601).build()));
  }

  /** The base chain and 40 blocks each only one second above its median time past. */
  private static TestChain fastChain() {
    TestChain chain = BaseChain.chain();
    for (int i = 0; i < 40; i++) {
      chain.connect(chain.next().time(medianTimePast(chain) + 1).build());
    }
    return chain;
  }

  private static long medianTimePast(TestChain chain) {
    return chain.context(TestChain.NOW).medianTimePast();
  }
}
