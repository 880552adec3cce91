/**
 * Trackers: HTTP announces and scrapes (BEP 3, 23, 48, 7), UDP announces and scrapes (BEP 15), and
 * the multitracker order and announce schedule of one torrent (BEP 12). {@link
 * org.equinode.torrent.tracker.TrackerException} is the root of what this package throws.
 */
@NullMarked
package org.equinode.torrent.tracker;

import org.jspecify.annotations.NullMarked;
