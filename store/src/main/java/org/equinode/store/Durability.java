package org.equinode.store;

/** How far a write must get before {@link KeyValueStore#write} returns. */
public enum Durability {
  /**
   * In the store's write-ahead log and the operating system's buffers: survives a crash or kill of
   * the process, not a power failure.
   */
  PROCESS_CRASH,
  /** Flushed to the device (fsync): survives a power failure too. */
  POWER_FAILURE
}
