package org.equinode.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Puts and deletes that a store applies all together or not at all. Later operations on the same
 * key win. Not thread-safe; build it on one thread, then hand it to {@link KeyValueStore#write}.
 */
public final class WriteBatch {
  /** One operation of a batch, read by the store implementations in this package. */
  sealed interface Operation permits Put, Delete {}

  /** Sets {@code key} to {@code value}. The arrays are the batch's own copies. */
  static final class Put implements Operation {
    final byte[] key;
    final byte[] value;

    Put(byte[] key, byte[] value) {
      this.key = key;
      this.value = value;
    }
  }

  /** Removes {@code key}, if present. */
  static final class Delete implements Operation {
    final byte[] key;

    Delete(byte[] key) {
      this.key = key;
    }
  }

  private final List<Operation> operations = new ArrayList<>();
  private long byteSize;

  /** Sets {@code key} to {@code value}; both arrays are copied. */
  public WriteBatch put(byte[] key, byte[] value) {
    operations.add(new Put(key.clone(), value.clone()));
    byteSize += key.length + value.length;
    return this;
  }

  /** Removes {@code key}; the array is copied. */
  public WriteBatch delete(byte[] key) {
    operations.add(new Delete(key.clone()));
    byteSize += key.length;
    return this;
  }

  /** The operations in the order they were added. */
  List<Operation> operations() {
    return Collections.unmodifiableList(operations);
  }

  public int size() {
    return operations.size();
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }

  /** The bytes of keys and values the batch carries, for sizing caches and flushes. */
  public long byteSize() {
    return byteSize;
  }
}
