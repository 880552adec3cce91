package org.equinode.torrent.peer.extension;

import java.util.BitSet;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.jspecify.annotations.Nullable;

/**
 * Collects the pieces of a torrent's metadata (BEP 9) from peers, checks the whole against the
 * info-hash and only then hands it to {@link InfoDict#parse}. Each piece is kept as it arrives, so
 * a peer that announces a large size makes us allocate nothing until data comes.
 *
 * <p>Not thread-safe: the session feeds it from one place (pieces may come from several peers).
 */
public final class MetadataAssembler {
  /** What adding a piece led to. */
  public sealed interface Outcome {
    /** Still missing pieces; a repeated piece is ignored and also gives this. */
    record Incomplete(int received, int total) implements Outcome {}

    /** Every piece arrived, hashes to the info-hash and parses: the torrent's info dictionary. */
    record Complete(InfoDict info) implements Outcome {}

    /**
     * Every piece arrived but the whole does not hash to the info-hash: some peer sent wrong data.
     * Every piece was dropped; fetch them again, preferably from other peers.
     */
    record HashMismatch(InfoHash actual) implements Outcome {}

    /**
     * The bytes hash to the info-hash but are not a valid info dictionary: the torrent itself is
     * unusable, whoever sends it.
     */
    record Invalid(String reason) implements Outcome {}

    /** The piece does not belong to this metadata (another size or index): the peer is wrong. */
    record Refused(String reason) implements Outcome {}
  }

  private final InfoHash infoHash;
  private final int totalSize;
  private final byte[] @Nullable [] pieces;
  private int received;

  private MetadataAssembler(InfoHash infoHash, int totalSize) {
    this.infoHash = infoHash;
    this.totalSize = totalSize;
    this.pieces = new byte[MetadataMessage.pieceCount(totalSize)][];
  }

  /**
   * An assembler for metadata of {@code totalSize} bytes (a peer's {@code metadata_size}).
   *
   * @throws IllegalArgumentException if the size is outside 1..{@link
   *     MetadataMessage#MAX_METADATA_SIZE}
   */
  public static MetadataAssembler of(InfoHash infoHash, int totalSize) {
    if (totalSize < 1 || totalSize > MetadataMessage.MAX_METADATA_SIZE) {
      throw new IllegalArgumentException(
          "metadata size " + totalSize + " is outside 1.." + MetadataMessage.MAX_METADATA_SIZE);
    }
    return new MetadataAssembler(infoHash, totalSize);
  }

  /** The size announced, in bytes. */
  public int totalSize() {
    return totalSize;
  }

  /** The number of pieces. */
  public int pieceCount() {
    return pieces.length;
  }

  /** The pieces still missing. */
  public BitSet missing() {
    BitSet missing = new BitSet(pieces.length);
    for (int i = 0; i < pieces.length; i++) {
      missing.set(i, pieces[i] == null);
    }
    return missing;
  }

  /** Adds a piece a peer sent. */
  public Outcome add(MetadataMessage.Data data) {
    if (data.totalSize() != totalSize) {
      return new Outcome.Refused(
          "metadata of " + data.totalSize() + " bytes, expected " + totalSize);
    }
    // Data's own checks make the index and length right for totalSize.
    if (pieces[data.piece()] == null) {
      pieces[data.piece()] = data.data();
      received++;
    }
    if (received < pieces.length) {
      return new Outcome.Incomplete(received, pieces.length);
    }
    byte[] whole = new byte[totalSize];
    for (int i = 0; i < pieces.length; i++) {
      byte[] piece = pieces[i];
      if (piece == null) {
        throw new IllegalStateException("piece " + i + " missing although all were counted");
      }
      System.arraycopy(piece, 0, whole, i * MetadataMessage.PIECE_LENGTH, piece.length);
    }
    InfoHash actual = InfoHash.ofInfoBytes(whole);
    if (!actual.equals(infoHash)) {
      java.util.Arrays.fill(pieces, null);
      received = 0;
      return new Outcome.HashMismatch(actual);
    }
    try {
      return new Outcome.Complete(InfoDict.parse(whole));
    } catch (TorrentException e) {
      return new Outcome.Invalid(String.valueOf(e.getMessage()));
    }
  }
}
