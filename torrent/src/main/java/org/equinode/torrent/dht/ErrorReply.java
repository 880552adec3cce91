package org.equinode.torrent.dht;

import java.nio.charset.StandardCharsets;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BInteger;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;

/** A KRPC error ({@code e}): a list of a code and a message. */
public record ErrorReply(int code, String message) implements KrpcBody {
  /** 201: a generic error. */
  public static final int GENERIC = 201;

  /** 202: a server error. */
  public static final int SERVER = 202;

  /** 203: a protocol error (malformed packet, invalid arguments, bad token). */
  public static final int PROTOCOL = 203;

  /** 204: the method is unknown. */
  public static final int METHOD_UNKNOWN = 204;

  /** The longest message accepted or sent, in UTF-8 bytes. */
  public static final int MAX_MESSAGE_LENGTH = 256;

  /** The highest code accepted. */
  public static final int MAX_CODE = 999;

  public ErrorReply {
    if (code < 0 || code > MAX_CODE) {
      throw new KrpcException("error code " + code + " is outside 0.." + MAX_CODE);
    }
    if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_LENGTH) {
      throw new KrpcException("an error message longer than " + MAX_MESSAGE_LENGTH + " bytes");
    }
  }

  BList toList() {
    return BList.of(BInteger.of(code), BBytes.of(message));
  }

  /**
   * Reads an {@code e} list.
   *
   * @throws KrpcException unless it is exactly an integer code and a UTF-8 message
   */
  static ErrorReply read(BList e) {
    if (e.size() != 2) {
      throw new KrpcException("an error list of " + e.size() + " entries, not 2");
    }
    BValue code = e.values().get(0);
    BValue message = e.values().get(1);
    if (!(code instanceof BInteger number) || !(message instanceof BBytes text)) {
      throw new KrpcException("an error list is not an integer and a string");
    }
    if (number.value() < 0 || number.value() > MAX_CODE) {
      throw new KrpcException("error code " + number.value() + " is outside 0.." + MAX_CODE);
    }
    if (text.length() > MAX_MESSAGE_LENGTH) {
      throw new KrpcException("an error message longer than " + MAX_MESSAGE_LENGTH + " bytes");
    }
    String decoded =
        text.utf8().orElseThrow(() -> new KrpcException("an error message is not UTF-8"));
    return new ErrorReply((int) number.value(), decoded);
  }
}
