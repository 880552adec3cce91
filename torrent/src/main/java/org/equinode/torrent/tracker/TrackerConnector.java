package org.equinode.torrent.tracker;

/**
 * Opens a {@link TrackerClient} for a URL. {@link NetworkTrackerConnector} speaks HTTP and UDP;
 * tests pass their own.
 */
@FunctionalInterface
public interface TrackerConnector {
  /** A client for {@code url}; the caller closes it. */
  TrackerClient open(TrackerUrl url);
}
