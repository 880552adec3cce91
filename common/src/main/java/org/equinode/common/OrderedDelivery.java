package org.equinode.common;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Carries an owner's events to its listeners in the order they were posted, outside the owner's
 * lock. The owner posts while holding its lock, which fixes the order, and calls {@link #deliver}
 * after releasing it, so no listener ever runs under that lock.
 *
 * <p>One thread delivers at a time. A thread that finds another delivering leaves its events to it;
 * that thread looks at the queue again after it lets go, so nothing posted is left behind. A
 * listener that throws does not stop delivery to the others; the first exception is rethrown (the
 * rest suppressed on it) once the queue is empty.
 *
 * @param <L> the listener type
 */
public final class OrderedDelivery<L> {
  private final List<L> listeners = new CopyOnWriteArrayList<>();
  private final Queue<Consumer<L>> pending = new ConcurrentLinkedQueue<>();
  private final ReentrantLock delivering = new ReentrantLock();

  /** Adds a listener; it receives the events delivered from now on. */
  public void addListener(L listener) {
    listeners.add(listener);
  }

  /** Removes a listener. */
  public void removeListener(L listener) {
    listeners.remove(listener);
  }

  /** Queues one event: what to call on each listener. */
  public void post(Consumer<L> event) {
    pending.add(event);
  }

  /** Delivers what is pending, unless another thread is at it (it will deliver these too). */
  public void deliver() {
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
    for (Consumer<L> event = pending.poll(); event != null; event = pending.poll()) {
      for (L listener : listeners) {
        try {
          event.accept(listener);
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
