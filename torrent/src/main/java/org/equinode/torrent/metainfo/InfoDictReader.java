package org.equinode.torrent.metainfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BInteger;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;

/**
 * Reads and validates an info dictionary. Strict: every rule broken is an {@link
 * InvalidMetainfoException} naming the key or path at fault. Keys it does not know are ignored (but
 * stay in the hashed bytes).
 */
final class InfoDictReader {
  private InfoDictReader() {}

  static InfoDict read(BDict info, byte[] bytes) {
    if (info.get("pieces").isEmpty() && info.get("file tree").isPresent()) {
      throw new InvalidMetainfoException("v2-only torrents (BEP 52) are not supported yet");
    }
    String name = text(info, "name");
    FilePath.checkName(name);
    int pieceLength = pieceLength(integer(info, "piece length"));
    PieceHashes pieces = PieceHashes.of(bytes(info, "pieces"));
    boolean isPrivate = privateFlag(info.get("private"));

    Optional<BValue> length = info.get("length");
    Optional<BValue> fileList = info.get("files");
    if (length.isPresent() == fileList.isPresent()) {
      throw new InvalidMetainfoException(
          "the info dictionary needs exactly one of 'length' and 'files'");
    }
    List<FileEntry> files =
        length.isPresent()
            ? List.of(new FileEntry(FilePath.of(name), integer(info, "length")))
            : files(name, fileList.orElseThrow());
    long total = totalLength(files);
    checkPieceCount(total, pieceLength, pieces);
    checkPathsDistinct(files);
    return new InfoDict(
        bytes, name, pieceLength, pieces, files, fileList.isPresent(), isPrivate, total);
  }

  private static int pieceLength(long value) {
    if (value < InfoDict.MIN_PIECE_LENGTH || value > InfoDict.MAX_PIECE_LENGTH) {
      throw new InvalidMetainfoException(
          "'piece length' "
              + value
              + " is outside "
              + InfoDict.MIN_PIECE_LENGTH
              + ".."
              + InfoDict.MAX_PIECE_LENGTH);
    }
    if (Long.bitCount(value) != 1) {
      throw new InvalidMetainfoException("'piece length' " + value + " is not a power of two");
    }
    return (int) value;
  }

  private static boolean privateFlag(Optional<BValue> value) {
    if (value.isEmpty()) {
      return false;
    }
    if (value.get() instanceof BInteger flag && (flag.value() == 0 || flag.value() == 1)) {
      return flag.value() == 1;
    }
    throw new InvalidMetainfoException("'private' must be the integer 0 or 1");
  }

  private static List<FileEntry> files(String name, BValue value) {
    if (!(value instanceof BList list)) {
      throw new InvalidMetainfoException("'files' is not a list");
    }
    if (list.size() == 0) {
      throw new InvalidMetainfoException("'files' is empty");
    }
    if (list.size() > InfoDict.MAX_FILES) {
      throw new InvalidMetainfoException(
          "'files' has " + list.size() + " entries, more than " + InfoDict.MAX_FILES);
    }
    List<FileEntry> files = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.values().get(i) instanceof BDict file)) {
        throw new InvalidMetainfoException("'files' entry " + i + " is not a dictionary");
      }
      String where = "'files' entry " + i;
      List<String> names = new ArrayList<>();
      names.add(name);
      if (!(file.get("path").orElse(null) instanceof BList path)) {
        throw new InvalidMetainfoException(where + " has no 'path' list");
      }
      if (path.size() == 0) {
        throw new InvalidMetainfoException(where + " has an empty 'path'");
      }
      for (BValue component : path.values()) {
        names.add(utf8(component, where + " 'path'"));
      }
      long length = integer(file, "length", where);
      files.add(new FileEntry(new FilePath(names), length));
    }
    return files;
  }

  private static long totalLength(List<FileEntry> files) {
    long total = 0;
    for (FileEntry file : files) {
      try {
        total = Math.addExact(total, file.length());
      } catch (ArithmeticException e) {
        throw new InvalidMetainfoException("the file lengths add up to more than 2^63 bytes", e);
      }
    }
    if (total == 0) {
      throw new InvalidMetainfoException("the torrent holds no data (every file is empty)");
    }
    return total;
  }

  private static void checkPieceCount(long total, int pieceLength, PieceHashes pieces) {
    long needed = total / pieceLength + (total % pieceLength == 0 ? 0 : 1);
    if (needed > InfoDict.MAX_PIECES) {
      throw new InvalidMetainfoException(
          total
              + " bytes in "
              + pieceLength
              + "-byte pieces make "
              + needed
              + " pieces, more than "
              + InfoDict.MAX_PIECES);
    }
    if (pieces.count() != needed) {
      throw new InvalidMetainfoException(
          "'pieces' holds "
              + pieces.count()
              + " hashes, but "
              + total
              + " bytes in "
              + pieceLength
              + "-byte pieces make "
              + needed);
    }
  }

  /**
   * No two files share a path and no file is a directory of another. In sorted order a path's
   * descendants come right after it, so comparing neighbours finds both.
   */
  private static void checkPathsDistinct(List<FileEntry> files) {
    List<FilePath> sorted = new ArrayList<>(files.size());
    files.forEach(f -> sorted.add(f.path()));
    sorted.sort(null);
    for (int i = 1; i < sorted.size(); i++) {
      FilePath previous = sorted.get(i - 1);
      FilePath next = sorted.get(i);
      if (previous.equals(next)) {
        throw new InvalidMetainfoException("two files have the path '" + next + "'");
      }
      if (previous.isAncestorOf(next)) {
        throw new InvalidMetainfoException(
            "'" + previous + "' is a file and also the directory of '" + next + "'");
      }
    }
  }

  private static String text(BDict dict, String key) {
    return utf8(required(dict, key, "the info dictionary"), "'" + key + "'");
  }

  private static byte[] bytes(BDict dict, String key) {
    if (!(required(dict, key, "the info dictionary") instanceof BBytes bytes)) {
      throw new InvalidMetainfoException("'" + key + "' is not a byte string");
    }
    return bytes.bytes();
  }

  private static long integer(BDict dict, String key) {
    return integer(dict, key, "the info dictionary");
  }

  private static long integer(BDict dict, String key, String where) {
    if (!(required(dict, key, where) instanceof BInteger integer)) {
      throw new InvalidMetainfoException(where + ": '" + key + "' is not an integer");
    }
    return integer.value();
  }

  private static BValue required(BDict dict, String key, String where) {
    return dict.get(key)
        .orElseThrow(() -> new InvalidMetainfoException(where + " has no '" + key + "'"));
  }

  private static String utf8(BValue value, String what) {
    if (!(value instanceof BBytes bytes)) {
      throw new InvalidMetainfoException(what + " is not a byte string");
    }
    return bytes
        .utf8()
        .orElseThrow(() -> new InvalidMetainfoException(what + " is not valid UTF-8: " + bytes));
  }
}
