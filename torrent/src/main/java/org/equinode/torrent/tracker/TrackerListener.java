package org.equinode.torrent.tracker;

/**
 * Receives what an {@link AnnounceScheduler} learns. Called on the thread that made the announce,
 * never while the scheduler holds its lock; it should hand work off rather than block.
 */
@FunctionalInterface
public interface TrackerListener {
  void onEvent(TrackerEvent event);
}
