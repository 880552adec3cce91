package org.equinode.chain.state;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.equinode.chain.BlockHash;

/**
 * The block index in memory: every entry by hash, each block's children, and the candidate tips
 * ordered by cumulative work (most first, then the one stored first). Lookups by hash are
 * thread-safe; everything else is used only by the chain state's owner under its lock.
 */
final class BlockIndex {
  /** A candidate tip and when it arrived, to break ties in favour of the first seen. */
  private record Candidate(BlockIndexEntry entry, long sequence) {}

  private static final Comparator<Candidate> MOST_WORK_FIRST =
      Comparator.comparing((Candidate c) -> c.entry().chainWork())
          .reversed()
          .thenComparingLong(Candidate::sequence);

  private final Map<BlockHash, BlockIndexEntry> entries = new ConcurrentHashMap<>();
  private final Map<BlockHash, List<BlockHash>> children = new HashMap<>();
  private final TreeSet<Candidate> candidates = new TreeSet<>(MOST_WORK_FIRST);
  private final Map<BlockHash, Candidate> candidateOf = new HashMap<>();
  private long sequence;

  Optional<BlockIndexEntry> get(BlockHash hash) {
    return Optional.ofNullable(entries.get(hash));
  }

  int size() {
    return entries.size();
  }

  /** The entry of {@code hash}, which must be present. */
  BlockIndexEntry require(BlockHash hash) {
    BlockIndexEntry entry = entries.get(hash);
    if (entry == null) {
      throw new IllegalStateException("block " + hash + " is not in the index");
    }
    return entry;
  }

  /** Adds a new entry; a stored, not failed one becomes a candidate tip. */
  void add(BlockIndexEntry entry) {
    add(entry, entry.status().dataStored() && !entry.status().failed());
  }

  /** Adds an entry read from the store, a candidate tip or not as the loader decides. */
  void add(BlockIndexEntry entry, boolean asCandidate) {
    entries.put(entry.hash(), entry);
    if (entry.height() > 0) {
      children.computeIfAbsent(entry.previous(), k -> new ArrayList<>(1)).add(entry.hash());
    }
    if (asCandidate) {
      Candidate candidate = new Candidate(entry, sequence++);
      candidates.add(candidate);
      candidateOf.put(entry.hash(), candidate);
    }
  }

  /** Replaces an entry's status; a failed one stops being a candidate. */
  void update(BlockIndexEntry entry) {
    entries.put(entry.hash(), entry);
    Candidate candidate = candidateOf.get(entry.hash());
    if (candidate != null) {
      candidates.remove(candidate);
      if (entry.status().failed()) {
        candidateOf.remove(entry.hash());
      } else {
        Candidate updated = new Candidate(entry, candidate.sequence());
        candidates.add(updated);
        candidateOf.put(entry.hash(), updated);
      }
    }
  }

  /**
   * Makes the connected tip a candidate again if pruning dropped it, so that the best candidate
   * never has less work than the tip (a reorganisation cut short by an invalid block may stop on a
   * block that was pruned).
   */
  void keepCandidate(BlockIndexEntry tip) {
    if (!candidateOf.containsKey(tip.hash())) {
      Candidate candidate = new Candidate(tip, sequence++);
      candidates.add(candidate);
      candidateOf.put(tip.hash(), candidate);
    }
  }

  /** The candidate with the most work (the first stored among equals). */
  BlockIndexEntry best() {
    return candidates.first().entry();
  }

  /** Forgets candidates with less work than the tip: they can never win again. */
  void prune(BigInteger tipWork) {
    while (!candidates.isEmpty() && candidates.last().entry().chainWork().compareTo(tipWork) < 0) {
      Candidate weakest = candidates.pollLast();
      candidateOf.remove(weakest.entry().hash());
    }
  }

  /** Every descendant of {@code hash}, parents before children. */
  List<BlockIndexEntry> descendants(BlockHash hash) {
    List<BlockIndexEntry> out = new ArrayList<>();
    Deque<BlockHash> queue = new ArrayDeque<>(children.getOrDefault(hash, List.of()));
    while (!queue.isEmpty()) {
      BlockHash next = queue.poll();
      out.add(require(next));
      queue.addAll(children.getOrDefault(next, List.of()));
    }
    return out;
  }

  /** The ancestor of {@code entry} at {@code height} (the entry itself at its own height). */
  BlockIndexEntry ancestor(BlockIndexEntry entry, int height) {
    if (height < 0 || height > entry.height()) {
      throw new IllegalArgumentException(
          "height " + height + " is not at or below " + entry.height());
    }
    BlockIndexEntry at = entry;
    while (at.height() > height) {
      at = require(at.previous());
    }
    return at;
  }

  /**
   * The times of the last {@code span} blocks ending with {@code entry} (fewer near the genesis
   * block), newest first: what the median time past is taken over.
   */
  List<Long> recentTimes(BlockIndexEntry entry, int span) {
    List<Long> times = new ArrayList<>(span);
    BlockIndexEntry at = entry;
    while (true) {
      times.add(at.header().time());
      if (times.size() == span || at.height() == 0) {
        return times;
      }
      at = require(at.previous());
    }
  }
}
