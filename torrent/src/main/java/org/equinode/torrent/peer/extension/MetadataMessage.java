package org.equinode.torrent.peer.extension;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.Bencode;
import org.equinode.torrent.bencode.DecodedPrefix;

/**
 * A metadata exchange message ({@code ut_metadata}, BEP 9): the torrent's info dictionary moves in
 * {@link #PIECE_LENGTH} pieces, each asked for with a {@link Request} and answered with a {@link
 * Data} (a bencoded dictionary followed by the piece's raw bytes) or a {@link Reject}.
 */
public sealed interface MetadataMessage extends ExtensionMessage
    permits MetadataMessage.Request, MetadataMessage.Data, MetadataMessage.Reject {
  /** The size of every metadata piece but the last. */
  int PIECE_LENGTH = 16 * 1024;

  /**
   * The largest metadata we fetch or serve. libtorrent's limit is larger (30 MiB), but 16 MiB
   * already holds the hashes of 800,000 pieces.
   */
  int MAX_METADATA_SIZE = 16 * 1024 * 1024;

  /** The most metadata pieces, for {@link #MAX_METADATA_SIZE}. */
  int MAX_PIECES = MAX_METADATA_SIZE / PIECE_LENGTH;

  /** The metadata piece the message is about. */
  int piece();

  /** The number of pieces metadata of {@code totalSize} bytes takes. */
  static int pieceCount(int totalSize) {
    return (totalSize + PIECE_LENGTH - 1) / PIECE_LENGTH;
  }

  /** The length of piece {@code piece} of metadata of {@code totalSize} bytes. */
  static int pieceLength(int piece, int totalSize) {
    return Math.min(PIECE_LENGTH, totalSize - piece * PIECE_LENGTH);
  }

  /** Asks for piece {@code piece}. */
  record Request(int piece) implements MetadataMessage {
    static final int TYPE = 0;

    public Request {
      checkPiece(piece);
    }

    @Override
    public byte[] encode() {
      return dictionary(TYPE, piece);
    }
  }

  /**
   * Piece {@code piece} of metadata of {@code totalSize} bytes. The bytes are copied in and out.
   */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out; equals and hashCode use content
  record Data(int piece, int totalSize, byte[] data) implements MetadataMessage {
    static final int TYPE = 1;

    public Data {
      checkPiece(piece);
      if (totalSize < 1 || totalSize > MAX_METADATA_SIZE) {
        throw new IllegalArgumentException(
            "metadata size " + totalSize + " is outside 1.." + MAX_METADATA_SIZE);
      }
      if (piece >= pieceCount(totalSize) || data.length != pieceLength(piece, totalSize)) {
        throw new IllegalArgumentException(
            "piece "
                + piece
                + " of "
                + totalSize
                + " bytes of metadata is not "
                + data.length
                + " bytes");
      }
      data = data.clone();
    }

    /** A copy of the piece's bytes. */
    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public byte[] encode() {
      byte[] dict =
          Bencode.encode(
              BDict.builder()
                  .put("msg_type", TYPE)
                  .put("piece", piece)
                  .put("total_size", totalSize)
                  .build());
      byte[] out = Arrays.copyOf(dict, dict.length + data.length);
      System.arraycopy(data, 0, out, dict.length, data.length);
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Data other
          && piece == other.piece
          && totalSize == other.totalSize
          && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * piece + totalSize) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Data[piece " + piece + " of " + totalSize + " bytes, " + data.length + " bytes]";
    }
  }

  /** The sender will not give piece {@code piece}. */
  record Reject(int piece) implements MetadataMessage {
    static final int TYPE = 2;

    public Reject {
      checkPiece(piece);
    }

    @Override
    public byte[] encode() {
      return dictionary(TYPE, piece);
    }
  }

  /**
   * Reads a {@code ut_metadata} payload. A message type this engine does not know gives empty: BEP
   * 9 says to ignore it.
   *
   * @throws org.equinode.torrent.peer.PeerWireException if the payload breaks BEP 9: not a
   *     dictionary, no integer type or piece, a piece beyond {@link #MAX_PIECES}, a data message
   *     whose size is out of bounds or whose bytes do not match the piece, bytes after a request or
   *     reject
   */
  static Optional<MetadataMessage> decode(byte[] payload) {
    DecodedPrefix prefix = ExtensionWire.dictPrefix(payload, "ut_metadata message");
    BDict dict = (BDict) prefix.value();
    OptionalLong type = ExtensionWire.integer(dict, "msg_type");
    OptionalLong piece = ExtensionWire.integer(dict, "piece");
    if (type.isEmpty() || piece.isEmpty()) {
      throw ExtensionWire.malformed("ut_metadata message without an integer msg_type and piece");
    }
    if (type.getAsLong() < Request.TYPE || type.getAsLong() > Reject.TYPE) {
      return Optional.empty();
    }
    if (piece.getAsLong() < 0 || piece.getAsLong() >= MAX_PIECES) {
      throw ExtensionWire.malformed(
          "ut_metadata piece " + piece.getAsLong() + " is outside 0.." + (MAX_PIECES - 1));
    }
    int index = (int) piece.getAsLong();
    int rest = payload.length - prefix.length();
    if (type.getAsLong() != Data.TYPE) {
      if (rest != 0) {
        throw ExtensionWire.malformed(rest + " bytes after a ut_metadata request or reject");
      }
      return Optional.of(type.getAsLong() == Request.TYPE ? new Request(index) : new Reject(index));
    }
    OptionalLong total = ExtensionWire.integer(dict, "total_size");
    if (total.isEmpty() || total.getAsLong() < 1 || total.getAsLong() > MAX_METADATA_SIZE) {
      throw ExtensionWire.malformed(
          "ut_metadata data without a total_size in 1.." + MAX_METADATA_SIZE);
    }
    int totalSize = (int) total.getAsLong();
    if (index >= pieceCount(totalSize) || rest != pieceLength(index, totalSize)) {
      throw ExtensionWire.malformed(
          "ut_metadata piece "
              + index
              + " of "
              + totalSize
              + " bytes of metadata carries "
              + rest
              + " bytes");
    }
    return Optional.of(
        new Data(index, totalSize, Arrays.copyOfRange(payload, prefix.length(), payload.length)));
  }

  private static void checkPiece(int piece) {
    if (piece < 0 || piece >= MAX_PIECES) {
      throw new IllegalArgumentException(
          "metadata piece " + piece + " is outside 0.." + (MAX_PIECES - 1));
    }
  }

  private static byte[] dictionary(int type, int piece) {
    return Bencode.encode(BDict.builder().put("msg_type", type).put("piece", piece).build());
  }
}
