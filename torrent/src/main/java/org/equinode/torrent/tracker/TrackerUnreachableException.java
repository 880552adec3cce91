package org.equinode.torrent.tracker;

/**
 * No usable answer came: the name did not resolve, the connection failed, the tracker did not
 * answer in time, it answered with an HTTP status other than 200, or it redirected too often.
 */
public final class TrackerUnreachableException extends TrackerException {
  private static final long serialVersionUID = 1L;

  public TrackerUnreachableException(String message) {
    super(message);
  }

  public TrackerUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
