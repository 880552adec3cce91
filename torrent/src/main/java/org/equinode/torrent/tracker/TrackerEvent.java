package org.equinode.torrent.tracker;

import java.time.Duration;

/** What an {@link AnnounceScheduler} reports to its {@link TrackerListener}. */
public sealed interface TrackerEvent {
  /** The tracker the event is about. */
  TrackerUrl tracker();

  /**
   * A tracker accepted an announce. New peers are {@code response.peers()}; a warning, if any, is
   * {@code response.warning()}.
   */
  record Announced(TrackerUrl tracker, AnnounceEvent event, AnnounceResponse response)
      implements TrackerEvent {}

  /**
   * An announce to a tracker failed; that tracker is not asked again for {@code retryIn} (the next
   * one in order may be asked at once).
   */
  record AnnounceFailed(
      TrackerUrl tracker, AnnounceEvent event, TrackerException error, Duration retryIn)
      implements TrackerEvent {}
}
