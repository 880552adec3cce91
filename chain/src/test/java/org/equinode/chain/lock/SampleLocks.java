package org.equinode.chain.lock;

import static org.equinode.chain.TestKeys.key;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.TestKeys;
import org.equinode.common.Hash32;
import org.equinode.crypto.TaggedHash;

/** Locks and witnesses for tests. */
final class SampleLocks {
  static final Hash32 PREIMAGE = Hash32.parse("42".repeat(32));
  static final Hash32 DIGEST = Hash32.of(TaggedHash.sha256().digest(PREIMAGE.toByteArray()));

  private SampleLocks() {}

  /** A lock that uses every kind of node. */
  static Lock everyKind() {
    return new Lock.Or(
        List.of(
            Lock.Multi.sorted(2, TestKeys.keys(3)),
            new Lock.And(List.of(new Lock.Sig(key(0)), new Lock.After(1000))),
            new Lock.Thresh(
                2, List.of(new Lock.HashLock(DIGEST), new Lock.Older(144), new Lock.Sig(key(4))))));
  }

  /** {@code count} keyless leaves: AFTER(1), AFTER(2), ... */
  static List<Lock> leaves(int count) {
    List<Lock> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(new Lock.After(i));
    }
    return out;
  }

  /** A chain of ANDs {@code depth} levels deep. */
  static Lock deep(int depth) {
    Lock lock = new Lock.After(1);
    for (int level = 2; level <= depth; level++) {
      lock = new Lock.And(List.of(lock, new Lock.After(level)));
    }
    return lock;
  }
}
