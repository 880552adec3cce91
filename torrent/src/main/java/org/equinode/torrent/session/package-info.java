/**
 * The download session: one torrent's peers, pieces and trackers brought together. {@link
 * org.equinode.torrent.session.TorrentSession} listens for peers (plain and encrypted on one port),
 * connects out, fetches the metadata of a magnet link, downloads with the swarm's piece picker,
 * verifies and stores pieces through {@link org.equinode.torrent.storage.TorrentStorage}, uploads
 * verified pieces and announces to trackers. Threads: see docs/concurrency.md.
 */
@NullMarked
package org.equinode.torrent.session;

import org.jspecify.annotations.NullMarked;
