package org.equinode.chain.consensus;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.equinode.chain.lock.SignatureVerifier;
import org.equinode.common.Hash32;
import org.equinode.common.Hex;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.crypto.TaggedHash;

/**
 * Signatures that verified, remembered from the mempool to the block, as Bitcoin Core's signature
 * cache: a transaction's signatures are verified when the mempool accepts it and are not verified
 * again when a block including it connects. Specified in {@code chain/README.md} ("Signature
 * cache").
 *
 * <p><b>Key.</b> An entry is the tagged hash ({@link TaggedHash}, tag {@code eq/sigcache/} and the
 * salt in hex) of {@code public key || signature || message}. The verification rule's verdict is a
 * function of exactly these three byte strings, so a hit is the verdict a verification would give,
 * whatever transaction, block, height or lock the signature appears in. Every other rule of a
 * witness (the lock's shape, masks, preimages, time locks, the revealed lock's hash) is checked
 * again on every connect: it is cheap, and some of it depends on the height, which differs between
 * the mempool and the block.
 *
 * <p><b>Salt.</b> {@link #SALT_LENGTH} random bytes drawn when the cache is made, so that nobody
 * outside the node can predict entries or their hash-table buckets.
 *
 * <p><b>Only successes.</b> A failed verification is never remembered: a failure costs whoever sent
 * it, and caching it would let junk push out useful entries.
 *
 * <p><b>Two views.</b> {@link #forMempool()} looks up and stores successes. {@link #forBlocks()}
 * looks up and never stores; a hit removes the entry, because a signature in a connected block is
 * not checked again unless the block is disconnected (its transactions then go through the mempool
 * again, which stores them again).
 *
 * <p><b>Bound.</b> At most {@code capacity} entries ({@link #DEFAULT_CAPACITY} for a node, about 16
 * MB of heap). When full, storing evicts the oldest entry: first in, first out.
 *
 * <p><b>Threads.</b> Thread-safe: the block's checker threads and the mempool call it at once. One
 * lock guards the entries and is held for a hash-set operation only, never during a verification.
 */
public final class SignatureCache {
  /** Entries a node's cache holds: 16 full blocks' worth of signatures. */
  public static final int DEFAULT_CAPACITY = 1 << 17;

  /** The largest capacity accepted (about 2 GB of heap). */
  public static final int MAX_CAPACITY = 1 << 24;

  /** Bytes of salt drawn for each cache. */
  public static final int SALT_LENGTH = 32;

  private final int capacity;
  private final TaggedHash salted;
  private final SignatureVerifier verifier;
  private final Object lock = new Object();

  /** Entries in the order stored; guarded by {@link #lock}. */
  private final LinkedHashSet<Hash32> entries = new LinkedHashSet<>();

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /**
   * An empty cache.
   *
   * @param capacity the most entries, 1 to {@link #MAX_CAPACITY}
   * @param random draws the salt (a node passes its {@code SecureRandom})
   * @param verifier what verifies on a miss ({@link SignatureVerifier#direct()} for a node)
   */
  public SignatureCache(int capacity, RandomGenerator random, SignatureVerifier verifier) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new ConsensusException(
          "signature cache capacity " + capacity + " is outside 1.." + MAX_CAPACITY);
    }
    this.capacity = capacity;
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    // The salted prefix is absorbed once; each entry clones that state.
    this.salted = TaggedHash.of("eq/sigcache/" + Hex.encode(salt));
    this.verifier = verifier;
  }

  /**
   * The view for the mempool: a hit answers true; a miss verifies, and a success is stored,
   * evicting the oldest entry when the cache is full.
   */
  public SignatureVerifier forMempool() {
    return (key, signature, message) -> {
      Hash32 entry = entry(key, signature, message);
      if (contains(entry, false)) {
        return true;
      }
      boolean valid = verifier.verify(key, signature, message);
      if (valid) {
        store(entry);
      }
      return valid;
    };
  }

  /**
   * The view for connecting blocks: a hit answers true and removes the entry; a miss verifies and
   * stores nothing.
   */
  public SignatureVerifier forBlocks() {
    return (key, signature, message) ->
        contains(entry(key, signature, message), true) || verifier.verify(key, signature, message);
  }

  /** Counters since the cache was made, and the entries held now. */
  public Stats stats() {
    synchronized (lock) {
      return new Stats(hits.sum(), misses.sum(), entries.size());
    }
  }

  /**
   * What the cache has done.
   *
   * @param hits look-ups answered from the cache
   * @param misses look-ups passed to the verifier
   * @param entries signatures held now
   */
  public record Stats(long hits, long misses, int entries) {}

  /** The entry of a signature: the salted hash of the key, the signature and the message. */
  Hash32 entry(Ed25519PublicKey key, Ed25519Signature signature, Hash32 message) {
    return salted.hash(key.toByteArray(), signature.toByteArray(), message.toByteArray());
  }

  private boolean contains(Hash32 entry, boolean erase) {
    boolean found;
    synchronized (lock) {
      found = erase ? entries.remove(entry) : entries.contains(entry);
    }
    (found ? hits : misses).increment();
    return found;
  }

  private void store(Hash32 entry) {
    synchronized (lock) {
      if (entries.add(entry) && entries.size() > capacity) {
        Iterator<Hash32> oldest = entries.iterator();
        oldest.next();
        oldest.remove();
      }
    }
  }
}
