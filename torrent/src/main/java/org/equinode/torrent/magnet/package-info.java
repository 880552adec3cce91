/**
 * Magnet links (BEP 9): {@code magnet:?xt=urn:btih:...} with display name, trackers and peer
 * addresses, parsed strictly and written canonically.
 */
@NullMarked
package org.equinode.torrent.magnet;

import org.jspecify.annotations.NullMarked;
