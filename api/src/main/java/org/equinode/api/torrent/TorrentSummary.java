package org.equinode.api.torrent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.equinode.torrent.session.TorrentStatus;

/**
 * One line of {@code torrent.list}.
 *
 * @param infohash the info-hash in hex
 * @param state fetching_metadata, checking, downloading, seeding, paused, error or closed
 * @param progress the verified share of the wanted bytes, 0 to 1 with 4 decimals
 * @param downloadRate bytes per second received
 * @param uploadRate bytes per second sent
 */
public record TorrentSummary(
    String infohash,
    String name,
    String state,
    BigDecimal progress,
    long wantedBytes,
    long doneBytes,
    long downloadRate,
    long uploadRate,
    int peers,
    String saveDir) {
  static TorrentSummary of(TorrentEntry entry) {
    TorrentStatus s = entry.status();
    return new TorrentSummary(
        s.infoHash().hex(),
        s.name(),
        state(s.state()),
        fraction(s.fraction()),
        s.wantedBytes(),
        s.doneBytes(),
        s.downloadRate(),
        s.uploadRate(),
        s.peers(),
        entry.saveDir().toString());
  }

  static String state(TorrentStatus.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  static BigDecimal fraction(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.DOWN);
  }
}
