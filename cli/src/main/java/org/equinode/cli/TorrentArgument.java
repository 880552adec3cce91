package org.equinode.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.session.TorrentSource;

/** A torrent named on the command line: a magnet link or a .torrent file. */
final class TorrentArgument {
  private TorrentArgument() {}

  /** What {@code what} names, parsed. */
  static TorrentSource source(String what) {
    if (MagnetLink.isMagnetUri(what)) {
      return TorrentSource.of(MagnetLink.parse(what));
    }
    return TorrentSource.of(Metainfo.parse(readFile(Path.of(what))));
  }

  /**
   * The bytes of a .torrent file, refused before reading when it is larger than any torrent file.
   */
  static byte[] readFile(Path file) {
    try {
      if (Files.size(file) > Metainfo.MAX_TORRENT_BYTES) {
        throw new TorrentException(
            file + " is larger than any torrent file (" + Metainfo.MAX_TORRENT_BYTES + " bytes)");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TorrentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
