package org.equinode.torrent.storage;

import java.time.Duration;

/**
 * How a torrent's storage trades speed for safety.
 *
 * @param maxOpenFiles the most idle files a store keeps open (busy ones are never closed)
 * @param syncEveryBytes verified pieces of this many bytes not yet recorded trigger a sync and a
 *     resume record
 * @param syncInterval a verified piece older than this not yet recorded triggers them too
 */
public record StorageOptions(int maxOpenFiles, long syncEveryBytes, Duration syncInterval) {
  /** The default for {@link #maxOpenFiles}: room for many torrents under a 1024-file limit. */
  public static final int DEFAULT_MAX_OPEN_FILES = 128;

  /** The default for {@link #syncEveryBytes}: about a second of a fast download. */
  public static final long DEFAULT_SYNC_EVERY_BYTES = 256L * 1024 * 1024;

  /** The default for {@link #syncInterval}. */
  public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(10);

  public StorageOptions {
    if (maxOpenFiles < 1) {
      throw new IllegalArgumentException("maxOpenFiles must be at least 1, got " + maxOpenFiles);
    }
    if (syncEveryBytes < 1) {
      throw new IllegalArgumentException(
          "syncEveryBytes must be at least 1, got " + syncEveryBytes);
    }
    if (syncInterval.isNegative()) {
      throw new IllegalArgumentException("syncInterval is negative: " + syncInterval);
    }
  }

  /** The defaults above. */
  public static StorageOptions defaults() {
    return new StorageOptions(
        DEFAULT_MAX_OPEN_FILES, DEFAULT_SYNC_EVERY_BYTES, DEFAULT_SYNC_INTERVAL);
  }

  /** These options with another {@link #maxOpenFiles}. */
  public StorageOptions withMaxOpenFiles(int value) {
    return new StorageOptions(value, syncEveryBytes, syncInterval);
  }

  /** These options with other sync triggers. */
  public StorageOptions withSync(long everyBytes, Duration interval) {
    return new StorageOptions(maxOpenFiles, everyBytes, interval);
  }
}
