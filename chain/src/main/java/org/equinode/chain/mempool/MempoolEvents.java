package org.equinode.chain.mempool;

import java.util.List;
import org.equinode.common.OrderedDelivery;

/**
 * The mempool's changes, posted under its lock and delivered to its listeners after it is released
 * (see {@link OrderedDelivery}).
 */
final class MempoolEvents {
  private final OrderedDelivery<MempoolListener> delivery = new OrderedDelivery<>();

  void addListener(MempoolListener listener) {
    delivery.addListener(listener);
  }

  void removeListener(MempoolListener listener) {
    delivery.removeListener(listener);
  }

  void added(MempoolEntry entry) {
    delivery.post(listener -> listener.added(entry));
  }

  void removed(List<MempoolEntry> entries, RemovalReason reason) {
    entries.forEach(entry -> delivery.post(listener -> listener.removed(entry, reason)));
  }

  /** Delivers what is pending; see {@link OrderedDelivery#deliver}. */
  void deliver() {
    delivery.deliver();
  }
}
