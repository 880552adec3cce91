/**
 * Metainfo (BEP 3, with BEP 12 tracker tiers and BEP 19 web seeds): parsing and validating {@code
 * .torrent} files, the {@link org.equinode.torrent.metainfo.InfoHash}, safe file paths, and making
 * a torrent from local files.
 */
@NullMarked
package org.equinode.torrent.metainfo;

import org.jspecify.annotations.NullMarked;
