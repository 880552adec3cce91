package org.equinode.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteOptions;

/**
 * A {@link KeyValueStore} on RocksDB. Each batch is one RocksDB write batch, so it is atomic across
 * a crash; {@link Durability#POWER_FAILURE} adds an fsync of the write-ahead log. Scans read from a
 * snapshot. Native memory is bounded by a block cache of {@link #BLOCK_CACHE_BYTES} and RocksDB's
 * default write buffers.
 */
public final class RocksStore implements KeyValueStore {
  /** The shared block cache size. */
  public static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;

  private static final int BLOOM_BITS_PER_KEY = 10;
  private static final int MAX_OPEN_FILES = 512;

  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final Options options;
  private final LRUCache cache;
  private final RocksDB db;
  private final WriteOptions syncWrites;
  private final WriteOptions asyncWrites;
  // Guards close against concurrent use: operations hold the read lock, close the write lock.
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksStore(Path directory, Options options, LRUCache cache, RocksDB db) {
    this.directory = directory;
    this.options = options;
    this.cache = cache;
    this.db = db;
    this.syncWrites = new WriteOptions().setSync(true);
    this.asyncWrites = new WriteOptions().setSync(false);
  }

  /**
   * Opens the store in {@code directory}, creating it when missing.
   *
   * @throws StoreException if the folder cannot be created, is locked by another process, or holds
   *     a damaged database
   */
  public static RocksStore open(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StoreException("cannot create the store folder " + directory + ": " + e, e);
    }
    LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
    Options options =
        new Options()
            .setCreateIfMissing(true)
            .setParanoidChecks(true)
            .setMaxOpenFiles(MAX_OPEN_FILES)
            .setTableFormatConfig(
                new BlockBasedTableConfig()
                    .setBlockCache(cache)
                    .setFilterPolicy(new BloomFilter(BLOOM_BITS_PER_KEY)));
    try {
      return new RocksStore(directory, options, cache, RocksDB.open(options, directory.toString()));
    } catch (RocksDBException e) {
      options.close();
      cache.close();
      throw new StoreException(describeOpenFailure(directory, e), e);
    }
  }

  private static String describeOpenFailure(Path directory, RocksDBException e) {
    String status = e.getStatus() == null ? "" : e.getStatus().getCodeString();
    String message = e.getMessage() == null ? status : e.getMessage();
    if (message.contains("lock")) {
      return "the store " + directory + " is in use by another process (" + message + ")";
    }
    if (status.contains("Corruption")) {
      return "the store " + directory + " is damaged: " + message;
    }
    return "cannot open the store " + directory + ": " + message;
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    lifecycle.readLock().lock();
    try {
      checkOpen();
      return Optional.ofNullable(db.get(key));
    } catch (RocksDBException e) {
      throw failure("read", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void write(WriteBatch batch, Durability durability) {
    lifecycle.readLock().lock();
    try (org.rocksdb.WriteBatch rocksBatch = new org.rocksdb.WriteBatch()) {
      checkOpen();
      for (WriteBatch.Operation operation : batch.operations()) {
        switch (operation) {
          case WriteBatch.Put put -> rocksBatch.put(put.key, put.value);
          case WriteBatch.Delete delete -> rocksBatch.delete(delete.key);
        }
      }
      db.write(durability == Durability.POWER_FAILURE ? syncWrites : asyncWrites, rocksBatch);
    } catch (RocksDBException e) {
      throw failure("write", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void scan(byte[] prefix, EntryVisitor visitor) {
    lifecycle.readLock().lock();
    try {
      checkOpen();
      Snapshot snapshot = db.getSnapshot();
      try (ReadOptions read = new ReadOptions().setSnapshot(snapshot);
          RocksIterator iterator = db.newIterator(read)) {
        for (iterator.seek(prefix); iterator.isValid(); iterator.next()) {
          byte[] key = iterator.key();
          if (!KeyPrefix.startsWith(key, prefix) || !visitor.visit(key, iterator.value())) {
            break;
          }
        }
        iterator.status();
      } catch (RocksDBException e) {
        throw failure("scan", e);
      } finally {
        db.releaseSnapshot(snapshot);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      syncWrites.close();
      asyncWrites.close();
      db.close();
      options.close();
      cache.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException("the store " + directory + " is closed");
    }
  }

  private StoreException failure(String operation, RocksDBException e) {
    return new StoreException(
        "cannot " + operation + " the store " + directory + ": " + e.getMessage(), e);
  }
}
