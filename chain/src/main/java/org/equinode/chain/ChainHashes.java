package org.equinode.chain;

import org.equinode.crypto.TaggedHash;

/**
 * The tagged SHA-256 functions of the ledger, one tag per use, so that no hash of one kind can be
 * passed off as another. Each instance is immutable in effect and safe to share between threads.
 */
public final class ChainHashes {
  /** Transaction ids: the encoding without witnesses. */
  public static final TaggedHash TX = TaggedHash.of("eq/tx");

  /** Witness transaction ids: the full encoding. */
  public static final TaggedHash WTX = TaggedHash.of("eq/wtx");

  /** Block hashes: the header. */
  public static final TaggedHash BLOCK = TaggedHash.of("eq/block");

  /** Merkle tree nodes and roots. */
  public static final TaggedHash MERKLE = TaggedHash.of("eq/merkle");

  /** What an input's signatures sign. */
  public static final TaggedHash SIGHASH = TaggedHash.of("eq/sighash");

  /** Lock hashes: what outputs pay to. */
  public static final TaggedHash LOCK = TaggedHash.of("eq/lock");

  private ChainHashes() {}
}
