package org.equinode.torrent.tracker;

/** Text that is not a usable tracker URL ({@code http}, {@code https} or {@code udp}). */
public final class InvalidTrackerUrlException extends TrackerException {
  private static final long serialVersionUID = 1L;

  public InvalidTrackerUrlException(String message) {
    super(message);
  }

  public InvalidTrackerUrlException(String message, Throwable cause) {
    super(message, cause);
  }
}
