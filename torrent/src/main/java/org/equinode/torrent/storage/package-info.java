/**
 * Torrent data on disk: where each piece lies in the torrent's files ({@link
 * org.equinode.torrent.storage.FileLayout}), block reads and writes ({@link
 * org.equinode.torrent.storage.PieceStore}), verified and durable piece completion with resume
 * data, file priorities and progress ({@link org.equinode.torrent.storage.TorrentStorage}).
 */
@NullMarked
package org.equinode.torrent.storage;

import org.jspecify.annotations.NullMarked;
