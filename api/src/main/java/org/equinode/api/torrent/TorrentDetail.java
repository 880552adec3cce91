package org.equinode.api.torrent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.session.TorrentStatus;
import org.equinode.torrent.storage.Progress;

/**
 * What {@code torrent.status} (and {@code torrent.add}, {@code pause}, {@code resume}) answer.
 *
 * @param eta seconds left at the current rate, absent when unknown
 * @param maxDownloadRate the torrent's own download limit in bytes per second, absent if none
 * @param files per file, once the metadata is known (empty before)
 */
public record TorrentDetail(
    String infohash,
    String name,
    String state,
    BigDecimal progress,
    long wantedBytes,
    long doneBytes,
    int pieces,
    int donePieces,
    long downloadRate,
    long uploadRate,
    long downloaded,
    long uploaded,
    int peers,
    int seeds,
    int knownPeers,
    int bannedPeers,
    Optional<Long> eta,
    Optional<String> error,
    String saveDir,
    boolean sequential,
    Optional<Long> maxDownloadRate,
    Optional<Long> maxUploadRate,
    List<FileView> files) {
  /**
   * One file.
   *
   * @param index its index in the torrent, as {@code files} in {@code torrent.add} names it
   * @param path its path under the save folder
   * @param wanted whether it is downloaded
   */
  public record FileView(
      int index, String path, long length, long doneBytes, BigDecimal progress, boolean wanted) {}

  static TorrentDetail of(TorrentEntry entry) {
    TorrentStatus s = entry.status();
    List<FileView> files = new ArrayList<>();
    if (entry.progress().isPresent()) {
      List<Progress.FileProgress> each = entry.progress().get().files();
      for (int i = 0; i < each.size(); i++) {
        Progress.FileProgress f = each.get(i);
        files.add(
            new FileView(
                i,
                f.path().toString(),
                f.length(),
                f.completedBytes(),
                TorrentSummary.fraction(
                    f.length() == 0 ? 1 : (double) f.completedBytes() / f.length()),
                f.priority().isWanted()));
      }
    }
    return new TorrentDetail(
        s.infoHash().hex(),
        s.name(),
        TorrentSummary.state(s.state()),
        TorrentSummary.fraction(s.fraction()),
        s.wantedBytes(),
        s.doneBytes(),
        s.pieces(),
        s.donePieces(),
        s.downloadRate(),
        s.uploadRate(),
        s.downloaded(),
        s.uploaded(),
        s.peers(),
        s.seeds(),
        s.knownPeers(),
        s.bannedPeers(),
        s.eta().map(d -> d.toSeconds()),
        s.error(),
        entry.saveDir().toString(),
        entry.sequential(),
        boxed(entry.limits().download()),
        boxed(entry.limits().upload()),
        files);
  }

  static Optional<Long> boxed(java.util.OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }
}
