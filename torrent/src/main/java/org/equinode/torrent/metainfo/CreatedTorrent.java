package org.equinode.torrent.metainfo;

import java.nio.file.Path;
import java.util.List;

/**
 * A torrent made from local files, and the entries of the source folder that were left out (hidden
 * files and folders, symbolic links, anything that is not a regular file), so that a caller can say
 * so.
 */
public record CreatedTorrent(Metainfo metainfo, List<Path> skipped) {
  public CreatedTorrent {
    skipped = List.copyOf(skipped);
  }
}
