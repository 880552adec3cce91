package org.equinode.torrent.swarm;

/**
 * The session's number for one peer connection. A new connection gets a new number, even from the
 * same address, and numbers are never reused while the session runs: a hash failure can then name a
 * peer that has already left.
 */
public record ConnectionId(long value) implements Comparable<ConnectionId> {
  public ConnectionId {
    if (value < 0) {
      throw new IllegalArgumentException("negative connection id " + value);
    }
  }

  @Override
  public int compareTo(ConnectionId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "peer#" + value;
  }
}
