package org.equinode.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, so that two nodes never share one (a second would corrupt
 * the first's files). The operating system releases it if the process dies.
 */
final class DataDirectoryLock implements AutoCloseable {
  static final String FILE_NAME = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirectoryLock acquire(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new NodeException("cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new NodeException(inUse(folder));
      }
      return new DataDirectoryLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new NodeException(inUse(folder), e);
    } catch (IOException | NodeException e) {
      closeQuietly(channel);
      throw e instanceof NodeException n ? n : new NodeException("cannot lock " + file, e);
    }
  }

  private static String inUse(Path folder) {
    return "another node is already using the data directory " + folder;
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing more to do with a channel we failed to lock.
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new NodeException("cannot release the data directory lock", e);
    }
  }
}
