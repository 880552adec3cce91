package org.equinode.torrent.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The open files of a store, at most {@code maxOpen} of them idle at once: a torrent may have
 * hundreds of thousands of files, more than a process may open. A handle in use is never closed;
 * the least recently used idle ones are. Handles open for reading are replaced by one open for
 * writing when a write needs it.
 *
 * <p>Thread-safe. The lock guards only the bookkeeping; files are opened and closed outside it.
 */
final class FileHandles {
  /** Opens file {@code file} for reading, or for reading and writing (creating it if needed). */
  @FunctionalInterface
  interface Opener {
    FileChannel open(int file, boolean write) throws IOException;
  }

  /** One open file. {@link #channel} may be used by several threads at once (positional I/O). */
  static final class Handle {
    final int file;
    final FileChannel channel;
    final boolean writable;
    private int users;
    private boolean retired;
    private @Nullable Handle newer;
    private @Nullable Handle older;

    private Handle(int file, FileChannel channel, boolean writable) {
      this.file = file;
      this.channel = channel;
      this.writable = writable;
    }
  }

  private final Opener opener;
  private final int maxOpen;
  private final @Nullable Handle[] byFile;
  private @Nullable Handle newest;
  private @Nullable Handle oldest;
  private int open;
  private boolean closed;

  FileHandles(int fileCount, int maxOpen, Opener opener) {
    if (maxOpen < 1) {
      throw new IllegalArgumentException("at least one file must be allowed open, got " + maxOpen);
    }
    this.opener = opener;
    this.maxOpen = maxOpen;
    this.byFile = new Handle[fileCount];
  }

  /**
   * A handle on {@code file}, writable if asked; give it back with {@link #release}.
   *
   * @throws IOException as the opener throws it
   */
  Handle acquire(int file, boolean write) throws IOException {
    synchronized (this) {
      Handle found = usable(file, write);
      if (found != null) {
        return found;
      }
    }
    FileChannel channel = opener.open(file, write);
    List<FileChannel> toClose = new ArrayList<>();
    Handle result;
    synchronized (this) {
      Handle found = closed ? null : usable(file, write);
      if (closed) {
        toClose.add(channel);
        result = null;
      } else if (found != null) {
        toClose.add(channel); // Another thread opened it meanwhile.
        result = found;
      } else {
        Handle old = byFile[file];
        if (old != null) {
          retire(old, toClose);
        }
        result = new Handle(file, channel, write);
        result.users = 1;
        byFile[file] = result;
        link(result);
        open++;
        evictIdle(toClose);
      }
    }
    closeQuietly(toClose);
    if (result == null) {
      throw new IllegalStateException("the store is closed");
    }
    return result;
  }

  private @Nullable Handle usable(int file, boolean write) {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
    Handle found = byFile[file];
    if (found == null || (write && !found.writable)) {
      return null;
    }
    found.users++;
    unlink(found);
    link(found);
    return found;
  }

  /** Gives back a handle from {@link #acquire}. */
  void release(Handle handle) {
    boolean close;
    synchronized (this) {
      handle.users--;
      close = handle.retired && handle.users == 0;
    }
    if (close) {
      closeQuietly(List.of(handle.channel));
    }
  }

  /** Closes every idle handle and, as they are released, the busy ones. Idempotent. */
  void close() {
    List<FileChannel> toClose = new ArrayList<>();
    synchronized (this) {
      closed = true;
      while (oldest != null) {
        retire(oldest, toClose);
      }
    }
    closeQuietly(toClose);
  }

  /** The number of files open now (for tests). */
  synchronized int openCount() {
    return open;
  }

  private void evictIdle(List<FileChannel> toClose) {
    Handle h = oldest;
    while (open > maxOpen && h != null) {
      Handle next = h.newer;
      if (h.users == 0) {
        retire(h, toClose);
      }
      h = next;
    }
  }

  /** Takes {@code h} out of the table; closes it now if idle, else when its last user is done. */
  private void retire(Handle h, List<FileChannel> toClose) {
    unlink(h);
    byFile[h.file] = null;
    h.retired = true;
    open--;
    if (h.users == 0) {
      toClose.add(h.channel);
    }
  }

  private void link(Handle h) {
    h.older = newest;
    h.newer = null;
    if (newest != null) {
      newest.newer = h;
    }
    newest = h;
    if (oldest == null) {
      oldest = h;
    }
  }

  private void unlink(Handle h) {
    if (h.older != null) {
      h.older.newer = h.newer;
    } else if (oldest == h) {
      oldest = h.newer;
    }
    if (h.newer != null) {
      h.newer.older = h.older;
    } else if (newest == h) {
      newest = h.older;
    }
    h.older = null;
    h.newer = null;
  }

  private static void closeQuietly(List<FileChannel> channels) {
    for (FileChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing to do: durability comes from force() before a piece is recorded, not from close.
      }
    }
  }
}
