package org.equinode.chain.consensus;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.equinode.chain.block.Block;

/**
 * One accept/reject case for a node's block validation, in the manner of btcd's {@code
 * fullblocktests}: connect {@link #chain()} (the blocks after the DEV genesis block, all valid) at
 * the clock {@link #now()}, then offer {@link #candidate()}'s bytes as the next block. It must be
 * accepted, or rejected for {@link #rejectedFor()}. Any implementation of the chain (this module's
 * rules, the chain state, a whole node) can replay the same list.
 */
public final class ConsensusVector {
  private final String name;
  private final Optional<RejectReason> rejectedFor;
  private final Set<RejectReason> exercises;
  private final List<Block> chain;
  private final long now;
  private final byte[] candidate;

  private ConsensusVector(
      String name,
      Optional<RejectReason> rejectedFor,
      Set<RejectReason> exercises,
      List<Block> chain,
      long now,
      byte[] candidate) {
    this.name = name;
    this.rejectedFor = rejectedFor;
    this.exercises = Set.copyOf(exercises);
    this.chain = List.copyOf(chain);
    this.now = now;
    this.candidate = candidate.clone();
  }

  /** A valid candidate, at the edge of {@code exercises}: the rules it only just keeps. */
  static ConsensusVector accept(
      String name, TestChain chain, Block candidate, RejectReason... exercises) {
    return new ConsensusVector(
        name,
        Optional.empty(),
        Set.of(exercises),
        chain.blocksAfterGenesis(),
        TestChain.NOW,
        candidate.encode());
  }

  /** A candidate that breaks {@code rule} (and only that rule, as far as the order goes). */
  static ConsensusVector reject(String name, RejectReason rule, TestChain chain, Block candidate) {
    return rejectBytes(name, rule, chain, candidate.encode());
  }

  static ConsensusVector rejectBytes(
      String name, RejectReason rule, TestChain chain, byte[] candidate) {
    return new ConsensusVector(
        name,
        Optional.of(rule),
        Set.of(rule),
        chain.blocksAfterGenesis(),
        TestChain.NOW,
        candidate);
  }

  /** What the case does. */
  public String name() {
    return name;
  }

  /** The rule the candidate breaks, or empty if it is valid. */
  public Optional<RejectReason> rejectedFor() {
    return rejectedFor;
  }

  /** The rules this case sits at the edge of: the broken one, or those only just kept. */
  public Set<RejectReason> exercises() {
    return exercises;
  }

  /** The blocks to connect first, at heights 1, 2, … */
  public List<Block> chain() {
    return chain;
  }

  /** The validating node's clock, seconds since the Unix epoch. */
  public long now() {
    return now;
  }

  /** The next block's bytes, perhaps not even a block. */
  public byte[] candidate() {
    return candidate.clone();
  }

  @Override
  public String toString() {
    return name + rejectedFor.map(reason -> " -> " + reason).orElse(" -> accept");
  }
}
