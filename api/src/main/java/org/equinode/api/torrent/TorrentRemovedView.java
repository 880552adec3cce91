package org.equinode.api.torrent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The answer of {@code torrent.remove}: the torrent's line as in {@code torrent.list}, and {@code
 * notDeleted}, the paths of its files that could not be deleted (the removal stands regardless).
 */
public record TorrentRemovedView(@JsonUnwrapped TorrentSummary torrent, List<String> notDeleted) {
  static TorrentRemovedView of(TorrentRemoved removed) {
    return new TorrentRemovedView(
        TorrentSummary.of(removed.last()),
        removed.notDeleted().stream().map(Object::toString).toList());
  }
}
