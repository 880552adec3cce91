package org.equinode.torrent.tracker;

/**
 * A tracker answered with bytes that break the protocol: not bencoding, a missing or mistyped key,
 * a wrong length, a value out of range, or more bytes than the named limit allows.
 */
public final class MalformedTrackerResponseException extends TrackerException {
  private static final long serialVersionUID = 1L;

  public MalformedTrackerResponseException(String message) {
    super(message);
  }

  public MalformedTrackerResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
