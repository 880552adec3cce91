package org.equinode.api.torrent;

import java.nio.file.Path;
import java.util.List;

/**
 * A torrent the node has forgotten: what it was, and the files of it that were to be deleted but
 * could not be (empty if all went, or if its data was kept). The torrent is removed either way.
 */
public record TorrentRemoved(TorrentEntry last, List<Path> notDeleted) {
  public TorrentRemoved {
    notDeleted = List.copyOf(notDeleted);
  }
}
