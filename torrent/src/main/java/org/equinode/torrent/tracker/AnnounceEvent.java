package org.equinode.torrent.tracker;

import java.util.Optional;

/** The {@code event} of an announce, with its HTTP name (BEP 3) and UDP number (BEP 15). */
public enum AnnounceEvent {
  /** A regular announce. */
  NONE(0, ""),
  /** The download has just finished; sent once. */
  COMPLETED(1, "completed"),
  /** The first announce of a session. */
  STARTED(2, "started"),
  /** The client is leaving the swarm. */
  STOPPED(3, "stopped");

  private final int udpCode;
  private final String httpName;

  AnnounceEvent(int udpCode, String httpName) {
    this.udpCode = udpCode;
    this.httpName = httpName;
  }

  /** The number in a UDP announce. */
  public int udpCode() {
    return udpCode;
  }

  /** The value of the HTTP {@code event} parameter; empty for {@link #NONE}, which omits it. */
  public Optional<String> httpName() {
    return httpName.isEmpty() ? Optional.empty() : Optional.of(httpName);
  }
}
