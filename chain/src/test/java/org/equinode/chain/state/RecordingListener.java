package org.equinode.chain.state;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.block.Block;

/** Writes down what a chain state tells its listeners: "+height" and "-height" per block. */
final class RecordingListener implements ChainListener {
  final List<String> events = new ArrayList<>();
  final List<Block> connected = new ArrayList<>();
  final List<Block> disconnected = new ArrayList<>();

  @Override
  public synchronized void blockConnected(Block block, int height) {
    events.add("+" + height);
    connected.add(block);
  }

  @Override
  public synchronized void blockDisconnected(Block block, int height) {
    events.add("-" + height);
    disconnected.add(block);
  }

  synchronized void clear() {
    events.clear();
    connected.clear();
    disconnected.clear();
  }
}
