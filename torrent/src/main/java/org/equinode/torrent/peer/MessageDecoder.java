package org.equinode.torrent.peer;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.peer.PeerMessage.AllowedFast;
import org.equinode.torrent.peer.PeerMessage.Bitfield;
import org.equinode.torrent.peer.PeerMessage.Cancel;
import org.equinode.torrent.peer.PeerMessage.Choke;
import org.equinode.torrent.peer.PeerMessage.Extended;
import org.equinode.torrent.peer.PeerMessage.Have;
import org.equinode.torrent.peer.PeerMessage.HaveAll;
import org.equinode.torrent.peer.PeerMessage.HaveNone;
import org.equinode.torrent.peer.PeerMessage.Interested;
import org.equinode.torrent.peer.PeerMessage.KeepAlive;
import org.equinode.torrent.peer.PeerMessage.NotInterested;
import org.equinode.torrent.peer.PeerMessage.Piece;
import org.equinode.torrent.peer.PeerMessage.Port;
import org.equinode.torrent.peer.PeerMessage.RejectRequest;
import org.equinode.torrent.peer.PeerMessage.Request;
import org.equinode.torrent.peer.PeerMessage.SuggestPiece;
import org.equinode.torrent.peer.PeerMessage.Unchoke;

/**
 * Decodes peer messages from a byte buffer, in the context of one connection: the torrent's piece
 * count once known (bitfields must then have exactly the right length, indices must be below it)
 * and whether both sides enabled the fast extension (otherwise its messages are refused, as
 * libtorrent does). Immutable; {@link #withPieceCount} and {@link #withFastExtension} give a new
 * decoder.
 *
 * <p>{@link #decode} tells an incomplete message (empty result, more bytes needed) from a broken
 * one (a {@link PeerWireException}). The length prefix is checked against {@link #maxLength()} as
 * soon as its four bytes are there, and against the message's own limit as soon as the id is,
 * before the rest has arrived.
 */
public final class MessageDecoder {
  /** The bytes of the length prefix. */
  public static final int LENGTH_PREFIX = 4;

  /** The longest bitfield message when the piece count is not known yet (a magnet download). */
  public static final int MAX_UNSIZED_BITFIELD_LENGTH = 1 + PieceSet.wireLength(PieceSet.MAX_SIZE);

  private static final MessageDecoder INITIAL = new MessageDecoder(-1, false);

  private final int pieceCount;
  private final boolean fastExtension;

  private MessageDecoder(int pieceCount, boolean fastExtension) {
    this.pieceCount = pieceCount;
    this.fastExtension = fastExtension;
  }

  /** A decoder that knows no piece count and refuses fast-extension messages. */
  public static MessageDecoder initial() {
    return INITIAL;
  }

  /** This decoder, checking bitfields and indices against {@code pieceCount} pieces. */
  public MessageDecoder withPieceCount(int pieceCount) {
    if (pieceCount < 1 || pieceCount > PieceSet.MAX_SIZE) {
      throw new IllegalArgumentException(
          "piece count " + pieceCount + " is outside 1.." + PieceSet.MAX_SIZE);
    }
    return new MessageDecoder(pieceCount, fastExtension);
  }

  /** This decoder, accepting the fast extension's messages or not. */
  public MessageDecoder withFastExtension(boolean enabled) {
    return new MessageDecoder(pieceCount, enabled);
  }

  /** The torrent's piece count, if known. */
  public OptionalInt pieceCount() {
    return pieceCount < 0 ? OptionalInt.empty() : OptionalInt.of(pieceCount);
  }

  /** Whether the fast extension's messages are accepted. */
  public boolean fastExtension() {
    return fastExtension;
  }

  /** The largest length prefix accepted: that of the longest message this decoder may take. */
  public int maxLength() {
    return Math.max(Math.max(Piece.MAX_LENGTH, Extended.MAX_LENGTH), maxBitfieldLength());
  }

  private int maxBitfieldLength() {
    return pieceCount < 0 ? MAX_UNSIZED_BITFIELD_LENGTH : 1 + PieceSet.wireLength(pieceCount);
  }

  /**
   * The number of bytes, prefix included, of the message at the start of {@code in}, once its
   * prefix has arrived; its prefix (and id, if there) are checked. The buffer is not moved.
   *
   * @throws PeerWireException if the prefix or id are refused
   */
  public OptionalInt frameLength(ByteBuffer in) {
    if (in.remaining() < LENGTH_PREFIX) {
      return OptionalInt.empty();
    }
    int start = in.position();
    long length = Integer.toUnsignedLong(in.getInt(start));
    if (length > maxLength()) {
      throw new PeerWireException(
          CloseReason.MESSAGE_TOO_LARGE,
          "message length " + length + " is above the limit " + maxLength());
    }
    if (length > 0 && in.remaining() > LENGTH_PREFIX) {
      checkLength(in.get(start + LENGTH_PREFIX) & 0xff, (int) length);
    }
    return OptionalInt.of(LENGTH_PREFIX + (int) length);
  }

  /**
   * Decodes the message at the start of {@code in} and moves past it, or returns empty (and leaves
   * the buffer as it was) if it has not fully arrived. A {@code piece} message's block is a view of
   * {@code in}'s memory, not a copy.
   *
   * @throws PeerWireException if the bytes break the protocol
   */
  public Optional<PeerMessage> decode(ByteBuffer in) {
    OptionalInt frame = frameLength(in);
    if (frame.isEmpty() || in.remaining() < frame.getAsInt()) {
      return Optional.empty();
    }
    int start = in.position();
    int length = frame.getAsInt() - LENGTH_PREFIX;
    if (length == 0) {
      in.position(start + LENGTH_PREFIX);
      return Optional.of(new KeepAlive());
    }
    int id = in.get(start + LENGTH_PREFIX) & 0xff;
    ByteBuffer payload = in.slice(start + LENGTH_PREFIX + 1, length - 1);
    PeerMessage message = read(id, payload);
    in.position(start + LENGTH_PREFIX + length);
    return Optional.of(message);
  }

  private PeerMessage read(int id, ByteBuffer payload) {
    return switch (id) {
      case Choke.ID -> new Choke();
      case Unchoke.ID -> new Unchoke();
      case Interested.ID -> new Interested();
      case NotInterested.ID -> new NotInterested();
      case Have.ID -> Have.read(payload, this);
      case Bitfield.ID -> Bitfield.read(payload, this);
      case Request.ID -> Request.read(payload, this);
      case Piece.ID -> Piece.read(payload, this);
      case Cancel.ID -> Cancel.read(payload, this);
      case Port.ID -> Port.read(payload);
      case SuggestPiece.ID -> SuggestPiece.read(payload, this);
      case HaveAll.ID -> new HaveAll();
      case HaveNone.ID -> new HaveNone();
      case RejectRequest.ID -> RejectRequest.read(payload, this);
      case AllowedFast.ID -> AllowedFast.read(payload, this);
      case Extended.ID -> Extended.read(payload);
      default -> throw new IllegalStateException("checkLength let unknown id " + id + " through");
    };
  }

  /** Checks a message's length (id included) against what its id allows. */
  private void checkLength(int id, int length) {
    switch (id) {
      case Choke.ID, Unchoke.ID, Interested.ID, NotInterested.ID -> exactly(id, length, 1);
      case Have.ID -> exactly(id, length, Have.LENGTH);
      case Request.ID, Cancel.ID -> exactly(id, length, Request.LENGTH);
      case Port.ID -> exactly(id, length, Port.LENGTH);
      case Bitfield.ID -> {
        if (length > maxBitfieldLength()) {
          throw tooLarge(id, length, maxBitfieldLength());
        }
        if (pieceCount >= 0 && length != maxBitfieldLength()) {
          throw new PeerWireException(
              CloseReason.MALFORMED_MESSAGE,
              "bitfield message of length "
                  + length
                  + " for "
                  + pieceCount
                  + " pieces, expected "
                  + maxBitfieldLength());
        }
      }
      case Piece.ID -> {
        if (length > Piece.MAX_LENGTH) {
          throw tooLarge(id, length, Piece.MAX_LENGTH);
        }
        atLeast(id, length, Piece.HEADER_LENGTH + 1);
      }
      case Extended.ID -> atLeast(id, length, 2);
      case SuggestPiece.ID, HaveAll.ID, HaveNone.ID, RejectRequest.ID, AllowedFast.ID -> {
        if (!fastExtension) {
          throw new PeerWireException(
              CloseReason.PROTOCOL_VIOLATION,
              "message id " + id + " of the fast extension, which was not negotiated");
        }
        exactly(id, length, id == HaveAll.ID || id == HaveNone.ID ? 1 : fastLength(id));
      }
      default ->
          throw new PeerWireException(CloseReason.MALFORMED_MESSAGE, "unknown message id " + id);
    }
  }

  private static int fastLength(int id) {
    return id == RejectRequest.ID ? RejectRequest.LENGTH : SuggestPiece.LENGTH;
  }

  private static void exactly(int id, int length, int expected) {
    if (length != expected) {
      throw new PeerWireException(
          CloseReason.MALFORMED_MESSAGE,
          "message id " + id + " has length " + length + ", expected " + expected);
    }
  }

  private static void atLeast(int id, int length, int minimum) {
    if (length < minimum) {
      throw new PeerWireException(
          CloseReason.MALFORMED_MESSAGE,
          "message id " + id + " has length " + length + ", at least " + minimum + " expected");
    }
  }

  private static PeerWireException tooLarge(int id, int length, int limit) {
    return new PeerWireException(
        CloseReason.MESSAGE_TOO_LARGE,
        "message id " + id + " has length " + length + ", above the limit " + limit);
  }

  /** Checks a piece index read from {@code what}: below 2^31 and below the piece count. */
  int piece(int raw, String what) {
    if (raw < 0 || (pieceCount >= 0 && raw >= pieceCount)) {
      throw new PeerWireException(
          CloseReason.MALFORMED_MESSAGE,
          what
              + " for piece "
              + Integer.toUnsignedString(raw)
              + (pieceCount >= 0 ? " of " + pieceCount : ""));
    }
    return raw;
  }

  /** Reads and checks the piece, offset and length of {@code what}. */
  BlockRequest block(ByteBuffer payload, String what) {
    int piece = piece(payload.getInt(), what);
    int begin = payload.getInt();
    int length = payload.getInt();
    check(BlockRequest.problem(piece, begin, length), what);
    return new BlockRequest(piece, begin, length);
  }

  /** Throws a {@link CloseReason#MALFORMED_MESSAGE} unless {@code problem} is empty. */
  void check(String problem, String what) {
    if (!problem.isEmpty()) {
      throw new PeerWireException(CloseReason.MALFORMED_MESSAGE, what + ": " + problem);
    }
  }

  @Override
  public String toString() {
    return "MessageDecoder[pieces "
        + (pieceCount < 0 ? "unknown" : pieceCount)
        + (fastExtension ? ", fast]" : "]");
  }
}
