package org.equinode.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link KeyValueStore} in memory, for tests and for nodes that keep nothing. Durability is
 * ignored: everything is lost when the object is dropped.
 */
public final class MemoryStore implements KeyValueStore {
  private final TreeMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  @Override
  public Optional<byte[]> get(byte[] key) {
    lock.readLock().lock();
    try {
      checkOpen();
      byte[] value = entries.get(key);
      return value == null ? Optional.empty() : Optional.of(value.clone());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void write(WriteBatch batch, Durability durability) {
    lock.writeLock().lock();
    try {
      checkOpen();
      for (WriteBatch.Operation operation : batch.operations()) {
        switch (operation) {
          case WriteBatch.Put put -> entries.put(put.key.clone(), put.value.clone());
          case WriteBatch.Delete delete -> entries.remove(delete.key);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void scan(byte[] prefix, EntryVisitor visitor) {
    lock.readLock().lock();
    try {
      checkOpen();
      for (Map.Entry<byte[], byte[]> entry : entries.tailMap(prefix, true).entrySet()) {
        byte[] key = entry.getKey();
        if (!KeyPrefix.startsWith(key, prefix)) {
          return;
        }
        if (!visitor.visit(key.clone(), entry.getValue().clone())) {
          return;
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      entries.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException("the in-memory store is closed");
    }
  }
}
