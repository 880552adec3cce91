package org.equinode.torrent.tracker;

/**
 * The byte counts an announce reports: uploaded and downloaded since the session started (BEP 3),
 * and what is still left to download of the wanted files.
 */
public record TransferTotals(long uploaded, long downloaded, long left) {
  public TransferTotals {
    if (uploaded < 0 || downloaded < 0 || left < 0) {
      throw new IllegalArgumentException(
          "negative byte count: " + uploaded + "/" + downloaded + "/" + left);
    }
  }
}
