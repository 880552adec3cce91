package org.equinode.torrent.tracker;

import java.util.Optional;

/**
 * A snapshot of one tracker of an {@link AnnounceScheduler}: its tier, whether it is the one that
 * answered last, whether it has accepted a {@code started} announce, how many announces to it have
 * failed in a row, and the last error.
 */
public record TrackerStatus(
    TrackerUrl url,
    int tier,
    boolean working,
    boolean started,
    int failures,
    Optional<String> lastError) {}
