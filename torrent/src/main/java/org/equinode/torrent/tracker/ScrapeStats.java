package org.equinode.torrent.tracker;

/**
 * One torrent's numbers in a scrape (BEP 48, BEP 15): seeders (peers that have it all, HTTP key
 * "complete"), how many peers have ever finished it (HTTP "downloaded") and leechers (peers still
 * downloading, HTTP "incomplete").
 */
public record ScrapeStats(int seeders, int completed, int leechers) {
  public ScrapeStats {
    if (seeders < 0 || completed < 0 || leechers < 0) {
      throw new IllegalArgumentException(
          "negative scrape count: " + seeders + "/" + completed + "/" + leechers);
    }
  }
}
