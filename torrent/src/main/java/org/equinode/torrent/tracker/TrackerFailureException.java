package org.equinode.torrent.tracker;

/**
 * A tracker answered and refused: an HTTP {@code failure reason} or a UDP error packet. {@link
 * #reason()} is the tracker's own text, made safe to log (see {@link TrackerText}).
 */
public final class TrackerFailureException extends TrackerException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /** A refusal read from a response, before the caller knows which tracker sent it. */
  public TrackerFailureException(String reason) {
    super("tracker refused: " + reason);
    this.reason = reason;
  }

  /** A refusal from the tracker at {@code url}. */
  public TrackerFailureException(TrackerUrl url, String reason) {
    super(url + " refused: " + reason);
    this.reason = reason;
  }

  /** What the tracker said. */
  public String reason() {
    return reason;
  }
}
