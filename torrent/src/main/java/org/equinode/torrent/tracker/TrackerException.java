package org.equinode.torrent.tracker;

import org.equinode.torrent.TorrentException;

/**
 * Something went wrong talking to a tracker. The subclasses say what: a URL that is not a tracker,
 * a response that breaks the protocol, a tracker that refused, or one that could not be reached.
 */
public abstract sealed class TrackerException extends TorrentException
    permits InvalidTrackerUrlException,
        MalformedTrackerResponseException,
        TrackerFailureException,
        TrackerUnreachableException {
  private static final long serialVersionUID = 1L;

  TrackerException(String message) {
    super(message);
  }

  TrackerException(String message, Throwable cause) {
    super(message, cause);
  }
}
