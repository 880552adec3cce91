/**
 * BitTorrent, as the BEPs specify it. {@link org.equinode.torrent.TorrentException} is the root of
 * every error this module throws; the subpackages hold the formats (bencode, metainfo, magnet
 * links).
 */
@NullMarked
package org.equinode.torrent;

import org.jspecify.annotations.NullMarked;
