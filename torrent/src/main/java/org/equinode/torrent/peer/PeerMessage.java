package org.equinode.torrent.peer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.equinode.common.Hex;
import org.equinode.torrent.InvalidBitfieldException;
import org.equinode.torrent.PieceSet;

/**
 * A message of the peer wire protocol after the handshake: BEP 3, BEP 5's {@code port}, BEP 6's
 * fast extension and BEP 10's extended message. On the wire each is a 4-byte big-endian length,
 * then (except for a keep-alive) a one-byte id and the payload.
 *
 * <p>Each record knows its id, its length and how to write itself; {@link MessageDecoder} reads
 * them and checks lengths and indices against its limits before anything is allocated.
 */
public sealed interface PeerMessage
    permits PeerMessage.KeepAlive,
        PeerMessage.Choke,
        PeerMessage.Unchoke,
        PeerMessage.Interested,
        PeerMessage.NotInterested,
        PeerMessage.Have,
        PeerMessage.Bitfield,
        PeerMessage.Request,
        PeerMessage.Piece,
        PeerMessage.Cancel,
        PeerMessage.Port,
        PeerMessage.SuggestPiece,
        PeerMessage.HaveAll,
        PeerMessage.HaveNone,
        PeerMessage.RejectRequest,
        PeerMessage.AllowedFast,
        PeerMessage.Extended {
  /** The largest block we request or serve, and accept in {@code request} and {@code piece}. */
  int MAX_BLOCK_LENGTH = 16 * 1024;

  /** The number of bytes after the length prefix: id and payload, 0 for a keep-alive. */
  int length();

  /** Writes the id and the payload (nothing for a keep-alive), {@link #length()} bytes. */
  void writeBody(ByteBuffer out);

  /** The whole message on the wire, length prefix included. */
  static byte[] encode(PeerMessage message) {
    ByteBuffer out = ByteBuffer.allocate(MessageDecoder.LENGTH_PREFIX + message.length());
    out.putInt(message.length());
    message.writeBody(out);
    return out.array();
  }

  /** Nothing: tells the peer the connection is alive (length 0, no id). */
  record KeepAlive() implements PeerMessage {
    @Override
    public int length() {
      return 0;
    }

    @Override
    public void writeBody(ByteBuffer out) {}
  }

  /** The sender will not serve our requests (BEP 6: it rejects the pending ones). */
  record Choke() implements PeerMessage {
    public static final int ID = 0;

    @Override
    public int length() {
      return 1;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID);
    }
  }

  /** The sender will serve our requests. */
  record Unchoke() implements PeerMessage {
    public static final int ID = 1;

    @Override
    public int length() {
      return 1;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID);
    }
  }

  /** The sender wants pieces we have. */
  record Interested() implements PeerMessage {
    public static final int ID = 2;

    @Override
    public int length() {
      return 1;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID);
    }
  }

  /** The sender wants nothing we have. */
  record NotInterested() implements PeerMessage {
    public static final int ID = 3;

    @Override
    public int length() {
      return 1;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID);
    }
  }

  /** The sender has verified piece {@code piece}. */
  record Have(int piece) implements PeerMessage {
    public static final int ID = 4;
    public static final int LENGTH = 5;

    public Have {
      checkPiece(piece);
    }

    static Have read(ByteBuffer payload, MessageDecoder decoder) {
      return new Have(decoder.piece(payload.getInt(), "have"));
    }

    @Override
    public int length() {
      return LENGTH;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID).putInt(piece);
    }
  }

  /** The pieces the sender has; only as its first message. */
  record Bitfield(PieceSet pieces) implements PeerMessage {
    public static final int ID = 5;

    static Bitfield read(ByteBuffer payload, MessageDecoder decoder) {
      int count = decoder.pieceCount().orElse(payload.remaining() * Byte.SIZE);
      if (count == 0) {
        throw new PeerWireException(CloseReason.MALFORMED_MESSAGE, "empty bitfield");
      }
      try {
        return new Bitfield(PieceSet.decode(payload, count));
      } catch (InvalidBitfieldException e) {
        throw new PeerWireException(CloseReason.MALFORMED_MESSAGE, e.getMessage());
      }
    }

    @Override
    public int length() {
      return 1 + pieces.wireLength();
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID);
      pieces.writeTo(out);
    }
  }

  /** The sender asks for a block. */
  record Request(BlockRequest block) implements PeerMessage {
    public static final int ID = 6;
    public static final int LENGTH = 13;

    /** A request for {@code length} bytes at {@code begin} of {@code piece}. */
    public static Request of(int piece, int begin, int length) {
      return new Request(new BlockRequest(piece, begin, length));
    }

    static Request read(ByteBuffer payload, MessageDecoder decoder) {
      return new Request(decoder.block(payload, "request"));
    }

    @Override
    public int length() {
      return LENGTH;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      writeBlock(out, ID, block);
    }
  }

  /**
   * A block of data. {@code data} is not copied: a decoded block is a read-only view of the
   * reader's buffer, which stays valid as long as the message is referenced; a block to send must
   * not change until it is written. {@link #data()} returns a fresh view each time.
   */
  record Piece(int piece, int begin, ByteBuffer data) implements PeerMessage {
    public static final int ID = 7;

    /** Id, index and offset: the bytes before the block. */
    public static final int HEADER_LENGTH = 9;

    /** The longest {@code piece} message: a block of {@link #MAX_BLOCK_LENGTH} bytes. */
    public static final int MAX_LENGTH = HEADER_LENGTH + MAX_BLOCK_LENGTH;

    public Piece {
      data = data.asReadOnlyBuffer().slice();
      String problem = BlockRequest.problem(piece, begin, data.remaining());
      if (!problem.isEmpty()) {
        throw new IllegalArgumentException(problem);
      }
    }

    static Piece read(ByteBuffer payload, MessageDecoder decoder) {
      int piece = decoder.piece(payload.getInt(), "piece");
      int begin = payload.getInt();
      decoder.check(BlockRequest.problem(piece, begin, payload.remaining()), "piece");
      return new Piece(piece, begin, payload.slice());
    }

    /** A view of the block's bytes, position 0. */
    @Override
    public ByteBuffer data() {
      return data.duplicate();
    }

    /** The block this message carries. */
    public BlockRequest block() {
      return new BlockRequest(piece, begin, data.remaining());
    }

    @Override
    public int length() {
      return HEADER_LENGTH + data.remaining();
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID).putInt(piece).putInt(begin).put(data.duplicate());
    }

    @Override
    public String toString() {
      return "Piece[" + piece + ":" + begin + "+" + data.remaining() + "]";
    }
  }

  /** The sender no longer wants a block it asked for. */
  record Cancel(BlockRequest block) implements PeerMessage {
    public static final int ID = 8;
    public static final int LENGTH = 13;

    static Cancel read(ByteBuffer payload, MessageDecoder decoder) {
      return new Cancel(decoder.block(payload, "cancel"));
    }

    @Override
    public int length() {
      return LENGTH;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      writeBlock(out, ID, block);
    }
  }

  /** The UDP port of the sender's DHT node (BEP 5); 0 is passed on as sent. */
  record Port(int port) implements PeerMessage {
    public static final int ID = 9;
    public static final int LENGTH = 3;
    private static final int MAX_PORT = 0xffff;

    public Port {
      if (port < 0 || port > MAX_PORT) {
        throw new IllegalArgumentException("port " + port + " is outside 0.." + MAX_PORT);
      }
    }

    static Port read(ByteBuffer payload) {
      return new Port(Short.toUnsignedInt(payload.getShort()));
    }

    @Override
    public int length() {
      return LENGTH;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID).putShort((short) port);
    }
  }

  /** The sender suggests downloading {@code piece} (BEP 6). */
  record SuggestPiece(int piece) implements PeerMessage {
    public static final int ID = 0x0d;
    public static final int LENGTH = 5;

    public SuggestPiece {
      checkPiece(piece);
    }

    static SuggestPiece read(ByteBuffer payload, MessageDecoder decoder) {
      return new SuggestPiece(decoder.piece(payload.getInt(), "suggest_piece"));
    }

    @Override
    public int length() {
      return LENGTH;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID).putInt(piece);
    }
  }

  /** The sender has every piece; instead of a bitfield (BEP 6). */
  record HaveAll() implements PeerMessage {
    public static final int ID = 0x0e;

    @Override
    public int length() {
      return 1;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID);
    }
  }

  /** The sender has no piece; instead of a bitfield (BEP 6). */
  record HaveNone() implements PeerMessage {
    public static final int ID = 0x0f;

    @Override
    public int length() {
      return 1;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID);
    }
  }

  /** The sender will not serve a block we asked for (BEP 6). */
  record RejectRequest(BlockRequest block) implements PeerMessage {
    public static final int ID = 0x10;
    public static final int LENGTH = 13;

    static RejectRequest read(ByteBuffer payload, MessageDecoder decoder) {
      return new RejectRequest(decoder.block(payload, "reject_request"));
    }

    @Override
    public int length() {
      return LENGTH;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      writeBlock(out, ID, block);
    }
  }

  /** The sender serves {@code piece} even while it chokes us (BEP 6). */
  record AllowedFast(int piece) implements PeerMessage {
    public static final int ID = 0x11;
    public static final int LENGTH = 5;

    public AllowedFast {
      checkPiece(piece);
    }

    static AllowedFast read(ByteBuffer payload, MessageDecoder decoder) {
      return new AllowedFast(decoder.piece(payload.getInt(), "allowed_fast"));
    }

    @Override
    public int length() {
      return LENGTH;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID).putInt(piece);
    }
  }

  /**
   * An extension protocol message (BEP 10): {@code extendedId} 0 is the extended handshake, other
   * ids are the receiver's ids for its extensions. The payload is copied in and out.
   */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out; equals and hashCode use content
  record Extended(int extendedId, byte[] payload) implements PeerMessage {
    public static final int ID = 20;

    /** The extended handshake's id. */
    public static final int HANDSHAKE_ID = 0;

    /** The largest extended id. */
    public static final int MAX_EXTENDED_ID = 0xff;

    /**
     * The longest payload accepted. The largest real ones are metadata pieces (16 KiB and a small
     * dictionary); libtorrent accepts peer exchange messages up to 500 KiB, but sends at most 100
     * peers.
     */
    public static final int MAX_PAYLOAD_LENGTH = 256 * 1024;

    /** The longest {@code extended} message: id, extended id, payload. */
    public static final int MAX_LENGTH = 2 + MAX_PAYLOAD_LENGTH;

    public Extended {
      if (extendedId < 0 || extendedId > MAX_EXTENDED_ID) {
        throw new IllegalArgumentException(
            "extended id " + extendedId + " is outside 0.." + MAX_EXTENDED_ID);
      }
      if (payload.length > MAX_PAYLOAD_LENGTH) {
        throw new IllegalArgumentException(
            "extended payload of " + payload.length + " bytes is above " + MAX_PAYLOAD_LENGTH);
      }
      payload = payload.clone();
    }

    static Extended read(ByteBuffer payload) {
      int extendedId = payload.get() & 0xff;
      byte[] bytes = new byte[payload.remaining()];
      payload.get(bytes);
      return new Extended(extendedId, bytes);
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
      return payload.clone();
    }

    @Override
    public int length() {
      return 2 + payload.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
      out.put((byte) ID).put((byte) extendedId).put(payload);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Extended other
          && extendedId == other.extendedId
          && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
      return 31 * extendedId + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      int shown = Math.min(payload.length, 32);
      return "Extended["
          + extendedId
          + ", "
          + payload.length
          + " bytes: "
          + Hex.encode(Arrays.copyOf(payload, shown))
          + (shown < payload.length ? "...]" : "]");
    }
  }

  private static void checkPiece(int piece) {
    if (piece < 0) {
      throw new IllegalArgumentException("negative piece index " + piece);
    }
  }

  private static void writeBlock(ByteBuffer out, int id, BlockRequest block) {
    out.put((byte) id).putInt(block.piece()).putInt(block.begin()).putInt(block.length());
  }
}
