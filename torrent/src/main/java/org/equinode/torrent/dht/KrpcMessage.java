package org.equinode.torrent.dht;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;
import org.equinode.torrent.bencode.BencodeException;

/**
 * One KRPC packet (BEP 5): the transaction id {@code t}, the kind {@code y}, optionally the
 * sender's client version {@code v} and, in replies, the querier's address as the callee saw it
 * ({@code ip}, BEP 42), and the body. {@link #encode()} writes canonical bencoding; {@link #decode}
 * is strict about the keys it reads and ignores the others, so what it accepts reaches a fixed
 * point: {@code decode(decode(b).encode())} equals {@code decode(b)}.
 */
public record KrpcMessage(
    TransactionId transaction,
    Optional<BBytes> version,
    Optional<InetSocketAddress> ip,
    KrpcBody body) {
  /** The largest packet read or written (a get_peers reply with 8 nodes and 100 peers fits). */
  public static final int MAX_PACKET_LENGTH = 2048;

  /** The longest {@code v} accepted (libtorrent sends 4 bytes: two letters and a version). */
  public static final int MAX_VERSION_LENGTH = 32;

  public KrpcMessage {
    if (version.isPresent() && version.get().length() > MAX_VERSION_LENGTH) {
      throw new KrpcException("a 'v' longer than " + MAX_VERSION_LENGTH + " bytes");
    }
    if (ip.isPresent() && !CompactAddress.fits(ip.get())) {
      throw new IllegalArgumentException("'ip' is an IPv4 address, not " + ip.get());
    }
  }

  /** The bencoded packet. */
  public byte[] encode() {
    BDict.Builder top = BDict.builder().put("t", transaction.value());
    version.ifPresent(v -> top.put("v", v));
    ip.ifPresent(a -> top.put("ip", CompactAddress.encode(a)));
    switch (body) {
      case Query query -> top.put("y", "q").put("q", query.method()).put("a", query.arguments());
      case Response response -> top.put("y", "r").put("r", response.toDict());
      case ErrorReply error -> top.put("y", "e").put("e", error.toList());
    }
    return Bencode.encode(top.build());
  }

  /**
   * Reads one packet.
   *
   * @throws KrpcException for more than {@link #MAX_PACKET_LENGTH} bytes (checked first), bytes
   *     that are not canonical bencoding of a dictionary, or any key that breaks BEP 5's rules
   */
  public static KrpcMessage decode(byte[] packet) {
    if (packet.length > MAX_PACKET_LENGTH) {
      throw new KrpcException(
          "a packet of " + packet.length + " bytes, more than " + MAX_PACKET_LENGTH);
    }
    BValue value;
    try {
      value = Bencode.decode(packet);
    } catch (BencodeException e) {
      throw new KrpcException("not bencoding: " + e.getMessage(), e);
    }
    if (!(value instanceof BDict top)) {
      throw new KrpcException("a packet that is not a dictionary");
    }
    String where = "the packet";
    TransactionId t = new TransactionId(Fields.bytes(top, "t", where));
    Optional<BBytes> v = Fields.optionalBytes(top, "v", where);
    if (v.isPresent() && v.get().length() > MAX_VERSION_LENGTH) {
      throw new KrpcException("a 'v' longer than " + MAX_VERSION_LENGTH + " bytes");
    }
    Optional<InetSocketAddress> ip =
        Fields.optionalBytes(top, "ip", where).map(b -> CompactAddress.decode(b.bytes(), "'ip'"));
    String y = kind(Fields.bytes(top, "y", where));
    KrpcBody body =
        switch (y) {
          case "q" -> {
            BBytes method = Fields.bytes(top, "q", where);
            if (method.length() > Query.MAX_METHOD_LENGTH) {
              throw new KrpcException("a method name longer than " + Query.MAX_METHOD_LENGTH);
            }
            String name =
                method.utf8().orElseThrow(() -> new KrpcException("a method name not in UTF-8"));
            yield Query.read(name, Fields.dict(top, "a", where));
          }
          case "r" -> Response.read(Fields.dict(top, "r", where));
          default -> {
            BValue e = top.get("e").orElseThrow(() -> new KrpcException("no 'e' in an error"));
            if (!(e instanceof BList list)) {
              throw new KrpcException("'e' is not a list");
            }
            yield ErrorReply.read(list);
          }
        };
    return new KrpcMessage(t, v, ip, body);
  }

  private static String kind(BBytes y) {
    String text = y.utf8().orElse("");
    if (!text.equals("q") && !text.equals("r") && !text.equals("e")) {
      throw new KrpcException("'y' is " + y + ", not q, r or e");
    }
    return text;
  }
}
