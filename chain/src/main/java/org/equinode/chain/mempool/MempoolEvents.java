package org.equinode.chain.mempool;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Carries the mempool's changes to its listeners in the order they happened. Changes are posted
 * while the mempool's lock is held, which fixes their order, and delivered after it is released, so
 * no listener runs under it. One thread delivers at a time; a thread that finds another delivering
 * leaves its events to it (that thread looks at the queue again after it lets go).
 */
final class MempoolEvents {
  private sealed interface Event permits Added, Removed {}

  private record Added(MempoolEntry entry) implements Event {}

  private record Removed(MempoolEntry entry, RemovalReason reason) implements Event {}

  private final List<MempoolListener> listeners = new CopyOnWriteArrayList<>();
  private final Queue<Event> pending = new ConcurrentLinkedQueue<>();
  private final ReentrantLock delivering = new ReentrantLock();

  void addListener(MempoolListener listener) {
    listeners.add(listener);
  }

  void removeListener(MempoolListener listener) {
    listeners.remove(listener);
  }

  void added(MempoolEntry entry) {
    pending.add(new Added(entry));
  }

  void removed(List<MempoolEntry> entries, RemovalReason reason) {
    entries.forEach(entry -> pending.add(new Removed(entry, reason)));
  }

  /**
   * Delivers what is pending unless another thread is delivering. A listener's exception does not
   * stop the delivery to the others; the first one is rethrown when the queue is empty.
   */
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
      for (MempoolListener listener : listeners) {
        try {
          switch (event) {
            case Added added -> listener.added(added.entry());
            case Removed removed -> listener.removed(removed.entry(), removed.reason());
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
