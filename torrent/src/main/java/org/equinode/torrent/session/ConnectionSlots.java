package org.equinode.torrent.session;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine-wide cap on open peer connections, across its torrents (each torrent has its own cap
 * too, {@link SessionSettings#maxConnections()}). A connection takes a slot when its torrent
 * registers it and gives it back when it closes. Thread-safe.
 */
final class ConnectionSlots {
  private final AtomicInteger open = new AtomicInteger();
  private volatile int max;

  ConnectionSlots(int max) {
    setMax(max);
  }

  void setMax(int connections) {
    if (connections < 1 || connections > TorrentEngine.MAX_TOTAL_CONNECTIONS) {
      throw new IllegalArgumentException(
          "max connections "
              + connections
              + " is outside 1.."
              + TorrentEngine.MAX_TOTAL_CONNECTIONS);
    }
    this.max = connections;
  }

  int max() {
    return max;
  }

  /** Takes a slot if one is free. */
  boolean tryTake() {
    while (true) {
      int now = open.get();
      if (now >= max) {
        return false;
      }
      if (open.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  void release() {
    open.decrementAndGet();
  }

  /** Open connections across the engine. */
  int open() {
    return open.get();
  }

  /** Slots free now (a hint for dialing; {@link #tryTake} decides). */
  int free() {
    return Math.max(0, max - open.get());
  }
}
