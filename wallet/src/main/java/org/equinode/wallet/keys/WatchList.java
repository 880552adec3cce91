package org.equinode.wallet.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equinode.chain.LockHash;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.equinode.wallet.WalletException;

/** The non-SIG locks a wallet watches, in the order they were added. Not thread-safe. */
public final class WatchList {
  /** The most locks one wallet watches. */
  public static final int MAX_WATCHED = 10_000;

  private final Map<LockHash, WatchedLock> locks = new LinkedHashMap<>();

  /** An empty list. */
  public WatchList() {}

  /**
   * Watches a lock; watching the same lock again changes nothing.
   *
   * @return true if the lock was new
   * @throws WalletException if {@link #MAX_WATCHED} locks are watched already
   */
  public boolean add(WatchedLock watched) {
    if (locks.containsKey(watched.hash())) {
      return false;
    }
    if (locks.size() >= MAX_WATCHED) {
      throw new WalletException("a wallet watches at most " + MAX_WATCHED + " locks");
    }
    locks.put(watched.hash(), watched);
    return true;
  }

  public Optional<WatchedLock> get(LockHash hash) {
    return Optional.ofNullable(locks.get(hash));
  }

  public List<WatchedLock> all() {
    return List.copyOf(locks.values());
  }

  public int size() {
    return locks.size();
  }

  /** {@code cs n}, then each watched lock in the order added. */
  public void write(ByteWriter writer) {
    writer.writeCompactSize(locks.size());
    locks.values().forEach(watched -> watched.write(writer));
  }

  public static WatchList read(ByteReader reader) {
    WatchList list = new WatchList();
    int count = reader.readCount(MAX_WATCHED, "watched lock");
    for (int i = 0; i < count; i++) {
      if (!list.add(WatchedLock.read(reader))) {
        throw new MalformedException("watched lock " + i + " repeats an earlier one");
      }
    }
    return list;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WatchList other && all().equals(other.all());
  }

  @Override
  public int hashCode() {
    return locks.keySet().hashCode();
  }

  @Override
  public String toString() {
    return "WatchList[" + locks.size() + " locks]";
  }
}
