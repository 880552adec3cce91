package org.equinode.torrent.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The blocks of one piece being downloaded: for each block, the peers it is requested from and the
 * peer it arrived from. A block is <em>open</em> when it has neither.
 */
final class PieceProgress {
  private final int piece;
  private final @Nullable ConnectionId[] receivedFrom;
  private final List<List<ConnectionId>> requesters;
  private int received;
  private int open;

  PieceProgress(int piece, int blockCount) {
    this.piece = piece;
    this.receivedFrom = new ConnectionId[blockCount];
    this.requesters = new ArrayList<>(blockCount);
    for (int i = 0; i < blockCount; i++) {
      requesters.add(new ArrayList<>(1));
    }
    this.open = blockCount;
  }

  int piece() {
    return piece;
  }

  int blockCount() {
    return receivedFrom.length;
  }

  int openCount() {
    return open;
  }

  int receivedCount() {
    return received;
  }

  boolean isComplete() {
    return received == receivedFrom.length;
  }

  /** No block requested or received: the piece is as good as untouched. */
  boolean isUntouched() {
    return open == receivedFrom.length;
  }

  boolean isOpen(int block) {
    return receivedFrom[block] == null && requesters.get(block).isEmpty();
  }

  boolean isReceived(int block) {
    return receivedFrom[block] != null;
  }

  List<ConnectionId> requesters(int block) {
    return requesters.get(block);
  }

  /** Records a request of {@code block} from {@code peer}; true if the block was open. */
  boolean addRequester(int block, ConnectionId peer) {
    boolean wasOpen = isOpen(block);
    requesters.get(block).add(peer);
    if (wasOpen) {
      open--;
    }
    return wasOpen;
  }

  /** Forgets the request of {@code block} from {@code peer}; true if the block is now open. */
  boolean removeRequester(int block, ConnectionId peer) {
    if (!requesters.get(block).remove(peer)) {
      return false;
    }
    if (isOpen(block)) {
      open++;
      return true;
    }
    return false;
  }

  /**
   * Records {@code block} as arrived from {@code peer} and forgets its requests; returns the other
   * peers it was requested from.
   */
  List<ConnectionId> markReceived(int block, ConnectionId peer) {
    boolean wasOpen = isOpen(block);
    List<ConnectionId> others = new ArrayList<>(requesters.get(block));
    others.remove(peer);
    requesters.get(block).clear();
    receivedFrom[block] = peer;
    received++;
    if (wasOpen) {
      open--;
    }
    return others;
  }

  /** How many blocks each peer sent. */
  Map<ConnectionId, Integer> contributors() {
    Map<ConnectionId, Integer> out = new TreeMap<>();
    for (ConnectionId peer : receivedFrom) {
      if (peer != null) {
        out.merge(peer, 1, Integer::sum);
      }
    }
    return out;
  }
}
