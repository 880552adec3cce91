package org.equinode.torrent.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.torrent.InvalidBitfieldException;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BInteger;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;
import org.equinode.torrent.bencode.BencodeException;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * What a torrent's storage had made durable at one moment: the pieces verified and synced, and the
 * size and modification time of each file just after the sync, so that a restart can tell which
 * files were touched since. Immutable.
 *
 * <p>Encoding: a canonical bencoded dictionary, every key required and no other allowed:
 *
 * <pre>
 * file-states  16 bytes per file, in torrent order: size and modification time in nanoseconds,
 *              each a big-endian signed 64-bit number; a missing file is size -1, time 0
 * info-hash    the 20-byte info-hash
 * piece-count  the number of pieces, 1..InfoDict.MAX_PIECES
 * pieces       the recorded pieces as a BEP 3 bitfield, spare bits zero
 * version      1
 * </pre>
 */
public final class ResumeData {
  /** The format written and the only one read. */
  public static final int VERSION = 1;

  /** The largest resume data read: the most files and pieces a torrent may have fit. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  /** The bytes per file in {@code file-states}. */
  static final int FILE_STATE_BYTES = 16;

  private static final Set<String> KEYS =
      Set.of("file-states", "info-hash", "piece-count", "pieces", "version");

  private final InfoHash infoHash;
  private final PieceSet pieces;
  private final List<Optional<FileState>> files;

  /**
   * Resume data for the torrent {@code infoHash}.
   *
   * @throws IllegalArgumentException if there are no pieces or no files, or too many of either
   */
  public ResumeData(InfoHash infoHash, PieceSet pieces, List<Optional<FileState>> files) {
    if (pieces.size() < 1 || pieces.size() > InfoDict.MAX_PIECES) {
      throw new IllegalArgumentException("bad piece count " + pieces.size());
    }
    if (files.isEmpty() || files.size() > InfoDict.MAX_FILES) {
      throw new IllegalArgumentException("bad file count " + files.size());
    }
    this.infoHash = infoHash;
    this.pieces = pieces;
    this.files = List.copyOf(files);
  }

  /** The torrent this describes. */
  public InfoHash infoHash() {
    return infoHash;
  }

  /** The pieces recorded complete. */
  public PieceSet pieces() {
    return pieces;
  }

  /** Each file's state when recorded, empty for a file that did not exist. */
  public List<Optional<FileState>> files() {
    return files;
  }

  /** The canonical encoding. */
  public byte[] encode() {
    ByteBuffer states = ByteBuffer.allocate(files.size() * FILE_STATE_BYTES);
    for (Optional<FileState> file : files) {
      states.putLong(file.map(FileState::size).orElse(-1L));
      states.putLong(file.map(FileState::modifiedNanos).orElse(0L));
    }
    return Bencode.encode(
        BDict.builder()
            .put("file-states", states.array())
            .put("info-hash", infoHash.toByteArray())
            .put("piece-count", pieces.size())
            .put("pieces", pieces.toBitfield())
            .put("version", VERSION)
            .build());
  }

  /**
   * Decodes the canonical encoding, and only that.
   *
   * @throws ResumeDataException naming what is wrong
   */
  public static ResumeData decode(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new ResumeDataException(
          "resume data of " + bytes.length + " bytes is larger than " + MAX_BYTES);
    }
    BValue value;
    try {
      value = Bencode.decode(bytes);
    } catch (BencodeException e) {
      throw new ResumeDataException("resume data is not canonical bencoding: " + e.getMessage(), e);
    }
    if (!(value instanceof BDict dict)) {
      throw new ResumeDataException("resume data is not a dictionary");
    }
    for (BBytes key : dict.entries().keySet()) {
      if (!KEYS.contains(key.utf8().orElse(""))) {
        throw new ResumeDataException("resume data has an unknown key " + key);
      }
    }
    long version = integer(dict, "version");
    if (version != VERSION) {
      throw new ResumeDataException("resume data version " + version + " is not " + VERSION);
    }
    byte[] hash = bytes(dict, "info-hash");
    if (hash.length != InfoHash.LENGTH) {
      throw new ResumeDataException("'info-hash' is " + hash.length + " bytes, not 20");
    }
    long count = integer(dict, "piece-count");
    if (count < 1 || count > InfoDict.MAX_PIECES) {
      throw new ResumeDataException(
          "'piece-count' " + count + " is outside 1.." + InfoDict.MAX_PIECES);
    }
    PieceSet pieces;
    try {
      pieces = PieceSet.decode(ByteBuffer.wrap(bytes(dict, "pieces")), (int) count);
    } catch (InvalidBitfieldException e) {
      throw new ResumeDataException("'pieces': " + e.getMessage(), e);
    }
    return new ResumeData(InfoHash.of(hash), pieces, fileStates(bytes(dict, "file-states")));
  }

  private static List<Optional<FileState>> fileStates(byte[] raw) {
    if (raw.length == 0
        || raw.length % FILE_STATE_BYTES != 0
        || raw.length / FILE_STATE_BYTES > InfoDict.MAX_FILES) {
      throw new ResumeDataException(
          "'file-states' is "
              + raw.length
              + " bytes, not 1.."
              + InfoDict.MAX_FILES
              + " records of "
              + FILE_STATE_BYTES);
    }
    ByteBuffer in = ByteBuffer.wrap(raw);
    List<Optional<FileState>> out = new ArrayList<>(raw.length / FILE_STATE_BYTES);
    while (in.hasRemaining()) {
      long size = in.getLong();
      long modified = in.getLong();
      if (size == -1 && modified == 0) {
        out.add(Optional.empty());
      } else if (size >= 0) {
        out.add(Optional.of(new FileState(size, modified)));
      } else {
        throw new ResumeDataException(
            "file " + out.size() + " has a bad state: size " + size + ", time " + modified);
      }
    }
    return out;
  }

  private static long integer(BDict dict, String key) {
    if (dict.get(key).orElse(null) instanceof BInteger i) {
      return i.value();
    }
    throw new ResumeDataException("resume data has no integer '" + key + "'");
  }

  private static byte[] bytes(BDict dict, String key) {
    if (dict.get(key).orElse(null) instanceof BBytes b) {
      return b.bytes();
    }
    throw new ResumeDataException("resume data has no string '" + key + "'");
  }

  /**
   * Reads the resume file at {@code file}; empty if there is none.
   *
   * @throws ResumeDataException if it is not valid resume data
   * @throws StorageException if it cannot be read
   */
  public static Optional<ResumeData> read(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ResumeDataException(
            "resume file '" + file + "' is " + size + " bytes, larger than " + MAX_BYTES);
      }
      return Optional.of(decode(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw StorageException.of("read", file, e);
    }
  }

  /**
   * Replaces the resume file at {@code file} atomically (written beside it, synced, renamed over
   * it, folder synced), owner-only.
   *
   * @throws StorageException if it cannot be written
   */
  public void write(Path file) {
    try {
      OwnerOnlyFiles.writeAtomically(file, encode());
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      throw StorageException.of(
          "write", file, cause != null ? cause : new IOException(String.valueOf(e.getMessage())));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResumeData other
        && infoHash.equals(other.infoHash)
        && pieces.equals(other.pieces)
        && files.equals(other.files);
  }

  @Override
  public int hashCode() {
    return infoHash.hashCode() * 31 + pieces.hashCode();
  }

  @Override
  public String toString() {
    return "ResumeData[" + infoHash + ", " + pieces + ", " + files.size() + " files]";
  }
}
