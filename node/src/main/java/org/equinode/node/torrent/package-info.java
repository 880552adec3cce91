/** The node's torrents: one engine, its torrents remembered under {@code <datadir>/torrents/}. */
@NullMarked
package org.equinode.node.torrent;

import org.jspecify.annotations.NullMarked;
