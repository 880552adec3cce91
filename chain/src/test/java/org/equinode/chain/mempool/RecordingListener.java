package org.equinode.chain.mempool;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.tx.Tx;

/**
 * Writes down what a mempool tells its listeners, as {@code "+txid"} and {@code "-txid REASON"}.
 */
final class RecordingListener implements MempoolListener {
  private final List<String> events = new ArrayList<>();

  @Override
  public synchronized void added(MempoolEntry entry) {
    events.add("+" + entry.txId());
  }

  @Override
  public synchronized void removed(MempoolEntry entry, RemovalReason reason) {
    events.add("-" + entry.txId() + " " + reason);
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }

  synchronized void clear() {
    events.clear();
  }

  static String added(Tx tx) {
    return "+" + tx.txId();
  }

  static String removed(Tx tx, RemovalReason reason) {
    return "-" + tx.txId() + " " + reason;
  }
}
