package org.equinode.store;

import java.util.Optional;

/**
 * An ordered map from byte keys to byte values. Keys compare as unsigned bytes, left to right (a
 * shorter key that is a prefix of a longer one comes first). Writes go in {@link WriteBatch}es that
 * are atomic: a reader, or the store after a crash, sees all of a batch or none of it.
 *
 * <p>Implementations are thread-safe. Callers decide key layouts (usually a one-byte prefix per
 * kind of record); the store knows nothing of what it holds.
 */
public interface KeyValueStore extends AutoCloseable {
  /** The value stored under {@code key}. */
  Optional<byte[]> get(byte[] key);

  /** True when {@code key} has a value. */
  default boolean contains(byte[] key) {
    return get(key).isPresent();
  }

  /** Applies every operation of {@code batch} atomically. */
  void write(WriteBatch batch, Durability durability);

  /**
   * Visits the entries whose keys start with {@code prefix}, in key order, until the visitor
   * returns false. The visitor sees a consistent view: no batch is half applied within it.
   */
  void scan(byte[] prefix, EntryVisitor visitor);

  /** Releases the store. Later calls throw {@link StoreException}. Closing twice is harmless. */
  @Override
  void close();

  /** Receives entries from {@link #scan}. */
  @FunctionalInterface
  interface EntryVisitor {
    /**
     * One entry; the arrays belong to the visitor.
     *
     * @return true to go on, false to stop
     */
    boolean visit(byte[] key, byte[] value);
  }
}
