package org.equinode.chain.state;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.equinode.chain.block.Block;
import org.jspecify.annotations.Nullable;

/**
 * Carries chain events from the state's owner to its listeners. Events are posted while the chain
 * state's lock is held and delivered after it is released, so no listener ever runs under that
 * lock. One thread at a time delivers, draining the queue in order; a poster that finds another
 * thread delivering leaves its events to that thread, which checks the queue again after it lets
 * go. A listener that throws does not stop the delivery to others; the first exception is rethrown
 * once the queue is drained.
 */
final class EventQueue {
  private record Event(Block block, int height, boolean connected) {}

  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
  private final Queue<Event> pending = new ConcurrentLinkedQueue<>();
  private final ReentrantLock delivering = new ReentrantLock();

  void addListener(ChainListener listener) {
    listeners.add(listener);
  }

  void removeListener(ChainListener listener) {
    listeners.remove(listener);
  }

  void connected(Block block, int height) {
    pending.add(new Event(block, height, true));
  }

  void disconnected(Block block, int height) {
    pending.add(new Event(block, height, false));
  }

  /** Delivers what is pending, unless another thread is at it (it will deliver ours too). */
  void deliver() {
    RuntimeException first = null;
    while (!pending.isEmpty() && delivering.tryLock()) {
      try {
        first = drain(first);
      } finally {
        delivering.unlock();
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private @Nullable RuntimeException drain(@Nullable RuntimeException first) {
    RuntimeException failure = first;
    for (Event event = pending.poll(); event != null; event = pending.poll()) {
      for (ChainListener listener : listeners) {
        try {
          if (event.connected()) {
            listener.blockConnected(event.block(), event.height());
          } else {
            listener.blockDisconnected(event.block(), event.height());
          }
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    return failure;
  }
}
