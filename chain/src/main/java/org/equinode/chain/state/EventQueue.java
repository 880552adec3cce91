package org.equinode.chain.state;

import org.equinode.chain.block.Block;
import org.equinode.common.OrderedDelivery;

/**
 * Chain events, posted under the chain state's lock and delivered to its listeners after it is
 * released (see {@link OrderedDelivery}).
 */
final class EventQueue {
  private final OrderedDelivery<ChainListener> delivery = new OrderedDelivery<>();

  void addListener(ChainListener listener) {
    delivery.addListener(listener);
  }

  void removeListener(ChainListener listener) {
    delivery.removeListener(listener);
  }

  void connected(Block block, int height) {
    delivery.post(listener -> listener.blockConnected(block, height));
  }

  void disconnected(Block block, int height) {
    delivery.post(listener -> listener.blockDisconnected(block, height));
  }

  /** Delivers what is pending; see {@link OrderedDelivery#deliver}. */
  void deliver() {
    delivery.deliver();
  }
}
