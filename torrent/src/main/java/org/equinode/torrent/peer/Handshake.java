package org.equinode.torrent.peer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * The first 68 bytes each side sends (BEP 3): the length 19, {@code "BitTorrent protocol"}, 8
 * reserved bytes, the info-hash and the sender's peer id.
 *
 * <p>A receiving side learns the torrent from the first {@link #HEADER_LENGTH} bytes ({@link
 * Header}) and decides whether it serves it before it answers and reads the peer id.
 */
public record Handshake(ReservedBits reserved, InfoHash infoHash, PeerId peerId) {
  /** The protocol string. */
  public static final String PROTOCOL = "BitTorrent protocol";

  private static final byte[] PROTOCOL_BYTES = PROTOCOL.getBytes(StandardCharsets.US_ASCII);

  /** The length byte and the protocol string: enough to tell a BitTorrent peer. */
  public static final int PROTOCOL_PREFIX_LENGTH = 1 + PROTOCOL_BYTES.length;

  /** Length byte, protocol string, reserved bytes and info-hash: what precedes the peer id. */
  public static final int HEADER_LENGTH =
      1 + PROTOCOL_BYTES.length + ReservedBits.LENGTH + InfoHash.LENGTH;

  /** The whole handshake. */
  public static final int LENGTH = HEADER_LENGTH + PeerId.LENGTH;

  /** What the receiver reads first: everything but the peer id. */
  public record Header(ReservedBits reserved, InfoHash infoHash) {
    /** The whole handshake, once the peer id has arrived. */
    public Handshake withPeerId(PeerId peerId) {
      return new Handshake(reserved, infoHash, peerId);
    }
  }

  /** The header part of this handshake. */
  public Header header() {
    return new Header(reserved, infoHash);
  }

  /** The 68 bytes on the wire. */
  public byte[] encode() {
    ByteBuffer out = ByteBuffer.allocate(LENGTH);
    out.put((byte) PROTOCOL_BYTES.length)
        .put(PROTOCOL_BYTES)
        .putLong(reserved.bits())
        .put(infoHash.toByteArray())
        .put(peerId.toByteArray());
    return out.array();
  }

  /**
   * Decodes exactly {@link #LENGTH} bytes.
   *
   * @throws PeerWireException ({@link CloseReason#BAD_HANDSHAKE}) if they are not a handshake
   */
  public static Handshake decode(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new PeerWireException(
          CloseReason.BAD_HANDSHAKE, "a handshake is " + LENGTH + " bytes, got " + bytes.length);
    }
    return decodeHeader(Arrays.copyOf(bytes, HEADER_LENGTH))
        .withPeerId(PeerId.of(Arrays.copyOfRange(bytes, HEADER_LENGTH, LENGTH)));
  }

  /**
   * Decodes exactly {@link #HEADER_LENGTH} bytes: protocol, reserved bits and info-hash.
   *
   * @throws PeerWireException ({@link CloseReason#BAD_HANDSHAKE}) if they do not start a handshake
   */
  public static Header decodeHeader(byte[] bytes) {
    if (bytes.length != HEADER_LENGTH) {
      throw new PeerWireException(
          CloseReason.BAD_HANDSHAKE,
          "a handshake header is " + HEADER_LENGTH + " bytes, got " + bytes.length);
    }
    checkProtocol(Arrays.copyOf(bytes, PROTOCOL_PREFIX_LENGTH));
    ByteBuffer in =
        ByteBuffer.wrap(bytes, PROTOCOL_PREFIX_LENGTH, HEADER_LENGTH - PROTOCOL_PREFIX_LENGTH);
    ReservedBits reserved = new ReservedBits(in.getLong());
    byte[] hash = new byte[InfoHash.LENGTH];
    in.get(hash);
    return new Header(reserved, InfoHash.of(hash));
  }

  /**
   * Checks the first {@link #PROTOCOL_PREFIX_LENGTH} bytes: the length 19 and "BitTorrent
   * protocol".
   *
   * @throws PeerWireException ({@link CloseReason#BAD_HANDSHAKE}) if they are anything else
   */
  public static void checkProtocol(byte[] prefix) {
    int length = prefix.length > 0 ? prefix[0] & 0xff : -1;
    if (prefix.length != PROTOCOL_PREFIX_LENGTH
        || length != PROTOCOL_BYTES.length
        || !Arrays.equals(
            prefix, 1, PROTOCOL_PREFIX_LENGTH, PROTOCOL_BYTES, 0, PROTOCOL_BYTES.length)) {
      throw new PeerWireException(
          CloseReason.BAD_HANDSHAKE, "not the BitTorrent protocol (first byte " + length + ")");
    }
  }
}
