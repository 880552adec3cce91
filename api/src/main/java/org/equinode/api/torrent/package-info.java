/**
 * The torrent methods ({@code torrent.add}, {@code torrent.list}, {@code torrent.status}, {@code
 * torrent.pause}, {@code torrent.resume}, {@code torrent.remove}, {@code torrent.setlimits}) over a
 * {@link org.equinode.api.torrent.TorrentHandle} the node implements. Torrents are named by their
 * info-hash in hex.
 */
@NullMarked
package org.equinode.api.torrent;

import org.jspecify.annotations.NullMarked;
