package org.equinode.node;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Things a node opened, closed in the reverse order: the last service started is the first stopped,
 * and a failure while starting closes what was already open.
 */
final class Resources implements AutoCloseable {
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** Registers {@code resource} to be closed, and returns it. */
  <T extends AutoCloseable> T add(T resource) {
    opened.push(resource);
    return resource;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new NodeException("stopping the node failed: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
