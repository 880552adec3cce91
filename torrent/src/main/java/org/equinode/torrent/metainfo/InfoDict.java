package org.equinode.torrent.metainfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;

/**
 * A validated BitTorrent v1 info dictionary, kept together with its exact bytes (which the
 * info-hash covers, unknown keys included). Immutable; equal when the bytes are equal.
 *
 * <p>{@link #files()} gives paths relative to the download directory: a single-file torrent has one
 * file named {@link #name()}; in a multi-file torrent every path starts with the directory {@link
 * #name()}.
 */
public final class InfoDict {
  /** The smallest piece length accepted: one 16 KiB block, the unit peers request. */
  public static final int MIN_PIECE_LENGTH = 16 * 1024;

  /** The largest piece length accepted; some tools make 32 and 64 MiB pieces for huge torrents. */
  public static final int MAX_PIECE_LENGTH = 64 * 1024 * 1024;

  /** The most pieces accepted, 2^21: 40 MiB of hashes. Every piece set can hold this many. */
  public static final int MAX_PIECES = PieceSet.MAX_SIZE;

  /** The most files accepted in a multi-file torrent. */
  public static final int MAX_FILES = 400_000;

  private final byte[] bytes;
  private final InfoHash hash;
  private final String name;
  private final int pieceLength;
  private final PieceHashes pieces;
  private final List<FileEntry> files;
  private final boolean multiFile;
  private final boolean isPrivate;
  private final long totalLength;

  InfoDict(
      byte[] bytes,
      String name,
      int pieceLength,
      PieceHashes pieces,
      List<FileEntry> files,
      boolean multiFile,
      boolean isPrivate,
      long totalLength) {
    this.bytes = bytes;
    this.hash = InfoHash.ofInfoBytes(bytes);
    this.name = name;
    this.pieceLength = pieceLength;
    this.pieces = pieces;
    this.files = List.copyOf(files);
    this.multiFile = multiFile;
    this.isPrivate = isPrivate;
    this.totalLength = totalLength;
  }

  /**
   * Parses and validates the raw bytes of an info dictionary, as found in a {@code .torrent} file
   * or received from peers (BEP 9). The bytes must be canonical bencoding.
   *
   * @throws org.equinode.torrent.bencode.BencodeException if they are not canonical bencoding
   * @throws InvalidMetainfoException if the dictionary breaks a metainfo rule
   */
  public static InfoDict parse(byte[] bytes) {
    BValue value = Bencode.decode(bytes);
    if (!(value instanceof BDict dict)) {
      throw new InvalidMetainfoException("the info dictionary is not a dictionary");
    }
    return InfoDictReader.read(dict, bytes.clone());
  }

  /**
   * Builds the canonical info dictionary for the given content and validates it as {@link #parse}
   * would. For a multi-file torrent every path must start with {@code name}.
   *
   * @throws InvalidMetainfoException if the result would break a metainfo rule
   */
  public static InfoDict create(
      String name,
      int pieceLength,
      PieceHashes pieces,
      List<FileEntry> files,
      boolean multiFile,
      boolean isPrivate) {
    BDict.Builder info =
        BDict.builder()
            .put("name", name)
            .put("piece length", pieceLength)
            .put("pieces", pieces.toByteArray());
    if (isPrivate) {
      info.put("private", 1);
    }
    if (multiFile) {
      List<BValue> entries = new ArrayList<>();
      for (FileEntry file : files) {
        List<String> names = file.path().names();
        if (names.size() < 2 || !names.getFirst().equals(name)) {
          throw new IllegalArgumentException("'" + file.path() + "' is not under '" + name + "'");
        }
        List<BValue> path = new ArrayList<>();
        for (String n : names.subList(1, names.size())) {
          path.add(BBytes.of(n));
        }
        entries.add(
            BDict.builder().put("length", file.length()).put("path", new BList(path)).build());
      }
      info.put("files", new BList(entries));
    } else {
      if (files.size() != 1 || !files.getFirst().path().equals(FilePath.of(name))) {
        throw new IllegalArgumentException(
            "a single-file torrent has one file named '" + name + "'");
      }
      info.put("length", files.getFirst().length());
    }
    BDict dict = info.build();
    return InfoDictReader.read(dict, Bencode.encode(dict));
  }

  /** The SHA-1 of {@link #bytes()}. */
  public InfoHash hash() {
    return hash;
  }

  /** A copy of the exact bencoded bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes of the bencoded dictionary. */
  public int size() {
    return bytes.length;
  }

  /** The dictionary as a bencode value (canonical, so it encodes back to {@link #bytes()}). */
  public BDict toBDict() {
    return (BDict) Bencode.decode(bytes);
  }

  /** The file name of a single-file torrent, the directory name of a multi-file one. */
  public String name() {
    return name;
  }

  /** The length of every piece but the last, a power of two. */
  public int pieceLength() {
    return pieceLength;
  }

  /** The hash of every piece. */
  public PieceHashes pieces() {
    return pieces;
  }

  /** The number of pieces. */
  public int pieceCount() {
    return pieces.count();
  }

  /** The length of piece {@code index}: {@link #pieceLength()}, or less for the last piece. */
  public int pieceSize(int index) {
    if (index < 0 || index >= pieceCount()) {
      throw new IndexOutOfBoundsException("piece " + index + " of " + pieceCount());
    }
    long start = (long) index * pieceLength;
    return (int) Math.min(pieceLength, totalLength - start);
  }

  /** The files in torrent order, with paths relative to the download directory. */
  public List<FileEntry> files() {
    return files;
  }

  /** Whether the torrent has a {@code files} list (a directory) rather than one {@code length}. */
  public boolean multiFile() {
    return multiFile;
  }

  /** Whether the {@code private} flag (BEP 27) is set: no DHT, no peer exchange. */
  public boolean isPrivate() {
    return isPrivate;
  }

  /** The sum of all file lengths. */
  public long totalLength() {
    return totalLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InfoDict other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "InfoDict["
        + hash
        + " '"
        + name
        + "', "
        + files.size()
        + " files, "
        + totalLength
        + " bytes]";
  }
}
