package org.equinode.torrent.peer.extension;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BInteger;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;

/**
 * The extended handshake (BEP 10, extended id 0): which extensions the sender speaks and under
 * which ids ({@code m}), and facts about it: client name ({@code v}), TCP listen port ({@code p}),
 * how many requests it queues ({@code reqq}), the size of the torrent's metadata ({@code
 * metadata_size}, BEP 9) and the address it sees us at ({@code "yourip"}).
 *
 * <p>Decoding is lenient, as libtorrent's is: a field of the wrong type or out of range is taken as
 * absent, unknown keys are ignored, so that {@code decode(encode(h))} equals {@code h} for every
 * decoded {@code h}. Only bytes that are not a bencoded dictionary are refused.
 */
public record ExtendedHandshake(
    Map<String, Integer> messageIds,
    Optional<String> client,
    OptionalInt listenPort,
    OptionalInt requestQueue,
    OptionalInt metadataSize,
    Optional<InetAddress> yourIp)
    implements ExtensionMessage {
  /** The most {@code m} entries kept; real clients list about ten. */
  public static final int MAX_EXTENSIONS = 128;

  /** The longest extension name kept, in bytes. */
  public static final int MAX_EXTENSION_NAME_LENGTH = 64;

  /** The longest client name kept, in characters; longer ones are cut. */
  public static final int MAX_CLIENT_LENGTH = 64;

  /** The {@code reqq} we announce: requests we queue per peer (libtorrent announces 500). */
  public static final int OUR_REQUEST_QUEUE = 500;

  private static final int MAX_PORT = 65_535;

  public ExtendedHandshake {
    messageIds = Map.copyOf(new TreeMap<>(messageIds));
    if (messageIds.size() > MAX_EXTENSIONS) {
      throw new IllegalArgumentException(
          messageIds.size() + " extensions, more than " + MAX_EXTENSIONS);
    }
    messageIds.forEach(
        (name, id) -> {
          if (id < 0 || id > ExtensionIds.MAX_ID) {
            throw new IllegalArgumentException("extension id " + id + " for '" + name + "'");
          }
        });
    if (client.isPresent() && !client.get().equals(cleanClient(client.get()))) {
      throw new IllegalArgumentException("client name with control characters or too long");
    }
    check(listenPort, 1, MAX_PORT, "listen port");
    check(requestQueue, 1, Integer.MAX_VALUE, "request queue");
    check(metadataSize, 1, MetadataMessage.MAX_METADATA_SIZE, "metadata size");
  }

  private static void check(OptionalInt value, int min, int max, String what) {
    if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
      throw new IllegalArgumentException(
          what + " " + value.getAsInt() + " is outside " + min + ".." + max);
    }
  }

  /**
   * Ours: our extension ids, client name, listen port, {@link #OUR_REQUEST_QUEUE}, the metadata
   * size once we have the metadata, and the peer's address as we see it.
   */
  public static ExtendedHandshake ours(
      ExtensionIds ids,
      String client,
      int listenPort,
      OptionalInt metadataSize,
      Optional<InetAddress> yourIp) {
    return new ExtendedHandshake(
        ids.byWireName(),
        Optional.of(client),
        OptionalInt.of(listenPort),
        OptionalInt.of(OUR_REQUEST_QUEUE),
        metadataSize,
        yourIp);
  }

  /** The extension ids the handshake names that we speak. */
  public ExtensionIds extensionIds() {
    return ExtensionIds.of(this);
  }

  @Override
  public byte[] encode() {
    BDict.Builder m = BDict.builder();
    messageIds.forEach(m::put);
    BDict.Builder out = BDict.builder().put("m", m.build());
    client.ifPresent(v -> out.put("v", v));
    listenPort.ifPresent(p -> out.put("p", p));
    requestQueue.ifPresent(q -> out.put("reqq", q));
    metadataSize.ifPresent(s -> out.put("metadata_size", s));
    yourIp.ifPresent(ip -> out.put("yourip", ip.getAddress()));
    return Bencode.encode(out.build());
  }

  /**
   * Reads an extended handshake's payload.
   *
   * @throws org.equinode.torrent.peer.PeerWireException if it is not a bencoded dictionary
   */
  public static ExtendedHandshake decode(byte[] payload) {
    BDict dict = ExtensionWire.dict(payload, "extended handshake");
    Map<String, Integer> ids = new TreeMap<>();
    if (dict.get("m").orElse(null) instanceof BDict m) {
      for (Map.Entry<BBytes, BValue> entry : m.entries().entrySet()) {
        Optional<String> name = entry.getKey().utf8();
        if (ids.size() < MAX_EXTENSIONS
            && name.isPresent()
            && entry.getKey().length() <= MAX_EXTENSION_NAME_LENGTH
            && entry.getValue() instanceof BInteger id
            && id.value() >= 0
            && id.value() <= ExtensionIds.MAX_ID) {
          ids.put(name.get(), (int) id.value());
        }
      }
    }
    return new ExtendedHandshake(
        ids,
        ExtensionWire.bytes(dict, "v")
            .map(v -> cleanClient(new String(v.bytes(), StandardCharsets.UTF_8))),
        within(ExtensionWire.integer(dict, "p"), 1, MAX_PORT),
        within(ExtensionWire.integer(dict, "reqq"), 1, Integer.MAX_VALUE),
        within(ExtensionWire.integer(dict, "metadata_size"), 1, MetadataMessage.MAX_METADATA_SIZE),
        ExtensionWire.bytes(dict, "yourip").flatMap(ip -> address(ip.bytes())));
  }

  private static OptionalInt within(OptionalLong value, int min, int max) {
    return value.isPresent() && value.getAsLong() >= min && value.getAsLong() <= max
        ? OptionalInt.of((int) value.getAsLong())
        : OptionalInt.empty();
  }

  private static Optional<InetAddress> address(byte[] bytes) {
    try {
      return switch (bytes.length) {
        case 4 -> Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
        case 16 -> Optional.of(Inet6Address.getByAddress(null, bytes, -1));
        default -> Optional.empty();
      };
    } catch (UnknownHostException e) {
      return Optional.empty(); // cannot happen for 4 or 16 bytes
    }
  }

  /** The name with control characters replaced and cut to {@link #MAX_CLIENT_LENGTH}. */
  private static String cleanClient(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .limit(MAX_CLIENT_LENGTH)
        .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }
}
