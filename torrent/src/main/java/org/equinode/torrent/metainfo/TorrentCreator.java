package org.equinode.torrent.metainfo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.common.TimeSource;
import org.equinode.torrent.metainfo.SourceFiles.Listing;
import org.equinode.torrent.metainfo.SourceFiles.SourceFile;

/**
 * Makes a v1 torrent from a file or a folder (see {@link SourceFiles} for what a folder contributes
 * and what is skipped). The piece length is {@link #autoPieceLength(long)} unless the options fix
 * it; {@code created by} is {@code Equinode/<version>}; the creation date comes from the {@link
 * TimeSource}. Files are read once, in torrent order, through a buffer of {@link
 * #READ_BUFFER_BYTES}.
 */
public final class TorrentCreator {
  /** The smallest piece length the creator uses. */
  public static final int MIN_PIECE_LENGTH = InfoDict.MIN_PIECE_LENGTH;

  /**
   * The largest piece length the creator uses; parsing accepts up to {@link
   * InfoDict#MAX_PIECE_LENGTH}.
   */
  public static final int MAX_PIECE_LENGTH = 16 * 1024 * 1024;

  /** The automatic rule picks the smallest piece length that keeps the count at or below this. */
  public static final int TARGET_MAX_PIECES = 2000;

  /** The buffer through which files are read while hashing. */
  public static final int READ_BUFFER_BYTES = 256 * 1024;

  private final TimeSource time;
  private final String createdBy;

  /**
   * A creator that signs its torrents {@code Equinode/<version>}.
   *
   * @throws IllegalArgumentException if {@code version} is blank or holds whitespace or controls
   */
  public TorrentCreator(TimeSource time, String version) {
    if (version.isEmpty() || version.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("not a version: '" + version + "'");
    }
    this.time = time;
    this.createdBy = "Equinode/" + version;
  }

  /**
   * The smallest power of two from {@link #MIN_PIECE_LENGTH} to {@link #MAX_PIECE_LENGTH} that cuts
   * {@code totalLength} bytes into at most {@link #TARGET_MAX_PIECES} pieces, or the largest if
   * none does. Between 31.25 MiB and 31.25 GiB this gives 1001 to 2000 pieces; smaller content gets
   * fewer 16 KiB pieces, larger content more 16 MiB ones.
   */
  public static int autoPieceLength(long totalLength) {
    if (totalLength < 0) {
      throw new IllegalArgumentException("negative length " + totalLength);
    }
    int length = MIN_PIECE_LENGTH;
    while (length < MAX_PIECE_LENGTH && pieceCount(totalLength, length) > TARGET_MAX_PIECES) {
      length *= 2;
    }
    return length;
  }

  static void checkPieceLength(int length) {
    if (length < MIN_PIECE_LENGTH || length > MAX_PIECE_LENGTH || Integer.bitCount(length) != 1) {
      throw new IllegalArgumentException(
          "a piece length is a power of two from "
              + MIN_PIECE_LENGTH
              + " to "
              + MAX_PIECE_LENGTH
              + ", got "
              + length);
    }
  }

  private static long pieceCount(long totalLength, int pieceLength) {
    return totalLength / pieceLength + (totalLength % pieceLength == 0 ? 0 : 1);
  }

  /**
   * Lists, hashes and describes {@code source}.
   *
   * @throws TorrentCreationException if there is nothing to share, a name cannot be shared safely,
   *     the content is too large, or a file cannot be read or changes while it is hashed
   */
  public CreatedTorrent create(Path source, CreateOptions options) {
    Listing listing = SourceFiles.list(source);
    long total = 0;
    List<FileEntry> entries = new ArrayList<>(listing.files().size());
    for (SourceFile file : listing.files()) {
      total = Math.addExact(total, file.length());
      entries.add(new FileEntry(file.path(), file.length()));
    }
    if (total == 0) {
      throw new TorrentCreationException(
          "nothing to share: every file in '" + source + "' is empty");
    }
    int pieceLength = options.pieceLength().orElse(autoPieceLength(total));
    long count = pieceCount(total, pieceLength);
    if (count > InfoDict.MAX_PIECES) {
      throw new TorrentCreationException(
          "'" + source + "' is too large: " + count + " pieces, more than " + InfoDict.MAX_PIECES);
    }
    PieceHashes pieces = PieceHasher.hash(listing.files(), pieceLength, (int) count);
    InfoDict info =
        InfoDict.create(
            listing.name(), pieceLength, pieces, entries, listing.multiFile(), options.isPrivate());
    Metainfo metainfo =
        new Metainfo(
            info,
            options.trackerTiers(),
            options.webSeeds(),
            options.comment(),
            Optional.of(createdBy),
            Optional.of(Instant.ofEpochSecond(time.now().getEpochSecond())));
    return new CreatedTorrent(metainfo, listing.skipped());
  }
}
