package org.equinode.torrent.tracker;

import java.util.Map;
import java.util.Optional;
import org.equinode.torrent.metainfo.InfoHash;

/** A scrape's answer: numbers for each torrent the tracker knows among those asked about. */
public record ScrapeResponse(Map<InfoHash, ScrapeStats> files) {
  /** The most torrents one scrape response may describe. */
  public static final int MAX_FILES = 1000;

  public ScrapeResponse {
    if (files.size() > MAX_FILES) {
      throw new IllegalArgumentException(files.size() + " torrents, more than " + MAX_FILES);
    }
    files = Map.copyOf(files);
  }

  /** The numbers for {@code infoHash}, if the tracker gave them. */
  public Optional<ScrapeStats> stats(InfoHash infoHash) {
    return Optional.ofNullable(files.get(infoHash));
  }
}
