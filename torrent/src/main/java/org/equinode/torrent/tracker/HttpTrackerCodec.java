package org.equinode.torrent.tracker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BInteger;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;
import org.equinode.torrent.bencode.BencodeException;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * The bodies of HTTP tracker responses: announce (BEP 3, compact peers of BEP 23, {@code peers6} of
 * BEP 7) and scrape (BEP 48). Decoding is strict: canonical bencoding of one dictionary, each known
 * key of the right type and range; unknown keys are ignored. A peer with port 0 cannot be dialled
 * and is dropped. Decoding what {@code encode} wrote gives the same value.
 */
public final class HttpTrackerCodec {
  /** The longest {@code ip} of a peer in dictionary form, in bytes (a DNS name at most). */
  static final int MAX_PEER_IP_LENGTH = PeerHost.MAX_NAME_LENGTH;

  private static final String ANNOUNCE = "announce response";
  private static final String SCRAPE = "scrape response";

  private HttpTrackerCodec() {}

  /**
   * Reads an announce response.
   *
   * @throws TrackerFailureException if it holds a {@code failure reason}
   * @throws MalformedTrackerResponseException if it breaks the rules above
   */
  public static AnnounceResponse decodeAnnounce(byte[] body) {
    BDict dict = topLevel(body, ANNOUNCE);
    Duration interval =
        optionalSeconds(dict, "interval")
            .orElseThrow(() -> malformed("no 'interval' in " + ANNOUNCE));
    Optional<BValue> v4 = dict.get("peers");
    Optional<BValue> v6 = dict.get("peers6");
    if (v4.isEmpty() && v6.isEmpty()) {
      throw malformed("no 'peers' in " + ANNOUNCE);
    }
    List<PeerAddress> peers = new ArrayList<>();
    if (v4.isPresent()) {
      switch (v4.get()) {
        case BBytes compact -> {
          byte[] raw = compact.bytes();
          CompactPeers.read(raw, 0, raw.length, CompactPeers.V4_STRIDE, "'peers'", peers);
        }
        case BList list -> dictionaryPeers(list, peers);
        default -> throw malformed("'peers' in " + ANNOUNCE + " is neither a string nor a list");
      }
    }
    if (v6.isPresent()) {
      byte[] raw = bytes(v6.get(), "peers6", ANNOUNCE);
      CompactPeers.read(raw, 0, raw.length, CompactPeers.V6_STRIDE, "'peers6'", peers);
    }
    return new AnnounceResponse(
        interval,
        optionalSeconds(dict, "min interval"),
        optionalCount(dict, "complete", ANNOUNCE),
        optionalCount(dict, "incomplete", ANNOUNCE),
        peers,
        dict.get("warning message").map(v -> TrackerText.of(bytes(v, "warning message", ANNOUNCE))),
        dict.get("tracker id").map(HttpTrackerCodec::trackerId));
  }

  /** The canonical body for {@code response}: compact peers when possible, else dictionaries. */
  public static byte[] encodeAnnounce(AnnounceResponse response) {
    BDict.Builder out = BDict.builder().put("interval", response.interval().toSeconds());
    response.minInterval().ifPresent(d -> out.put("min interval", d.toSeconds()));
    response.seeders().ifPresent(n -> out.put("complete", n));
    response.leechers().ifPresent(n -> out.put("incomplete", n));
    response.warning().ifPresent(w -> out.put("warning message", w));
    response.trackerId().ifPresent(id -> out.put("tracker id", id.toByteArray()));
    List<PeerAddress> peers = response.peers();
    if (compactable(peers)) {
      ByteArrayOutputStream v4 = new ByteArrayOutputStream();
      ByteArrayOutputStream v6 = new ByteArrayOutputStream();
      for (PeerAddress peer : peers) {
        boolean isV4 = CompactPeers.isV4(peer);
        CompactPeers.write(
            peer, isV4 ? CompactPeers.V4_STRIDE : CompactPeers.V6_STRIDE, isV4 ? v4 : v6);
      }
      out.put("peers", v4.toByteArray());
      if (v6.size() > 0) {
        out.put("peers6", v6.toByteArray());
      }
    } else {
      List<BValue> list = new ArrayList<>();
      for (PeerAddress peer : peers) {
        String ip =
            switch (peer.host()) {
              case PeerHost.Ip ip1 -> ip1.address().getHostAddress();
              case PeerHost.Name name -> name.name();
            };
        list.add(BDict.builder().put("ip", ip).put("port", peer.port()).build());
      }
      out.put("peers", new BList(list));
    }
    return Bencode.encode(out.build());
  }

  /** A refusal: {@code d14:failure reason...e}. */
  public static byte[] encodeFailure(String reason) {
    return Bencode.encode(BDict.builder().put("failure reason", reason).build());
  }

  /**
   * Reads a scrape response.
   *
   * @throws TrackerFailureException if it holds a {@code failure reason}
   * @throws MalformedTrackerResponseException if it breaks the rules above
   */
  public static ScrapeResponse decodeScrape(byte[] body) {
    BDict dict = topLevel(body, SCRAPE);
    if (!(dict.get("files").orElseThrow(() -> malformed("no 'files' in " + SCRAPE))
        instanceof BDict files)) {
      throw malformed("'files' in " + SCRAPE + " is not a dictionary");
    }
    if (files.size() > ScrapeResponse.MAX_FILES) {
      throw malformed(
          files.size() + " torrents in " + SCRAPE + ", more than " + ScrapeResponse.MAX_FILES);
    }
    Map<InfoHash, ScrapeStats> out = new HashMap<>();
    for (Map.Entry<BBytes, BValue> entry : files.entries().entrySet()) {
      if (entry.getKey().length() != InfoHash.LENGTH) {
        throw malformed(
            "key " + entry.getKey() + " of 'files' in " + SCRAPE + " is not a 20-byte info-hash");
      }
      String where = "torrent " + entry.getKey() + " in " + SCRAPE;
      if (!(entry.getValue() instanceof BDict stats)) {
        throw malformed(where + " is not a dictionary");
      }
      out.put(
          InfoHash.of(entry.getKey().bytes()),
          new ScrapeStats(
              requiredCount(stats, "complete", where),
              optionalCount(stats, "downloaded", where).orElse(0),
              requiredCount(stats, "incomplete", where)));
    }
    return new ScrapeResponse(out);
  }

  /** The canonical body for {@code response}. */
  public static byte[] encodeScrape(ScrapeResponse response) {
    Map<BBytes, BValue> files = new HashMap<>();
    response
        .files()
        .forEach(
            (hash, stats) ->
                files.put(
                    BBytes.of(hash.toByteArray()),
                    BDict.builder()
                        .put("complete", stats.seeders())
                        .put("downloaded", stats.completed())
                        .put("incomplete", stats.leechers())
                        .build()));
    return Bencode.encode(BDict.builder().put("files", BDict.of(files)).build());
  }

  /** Decodes the dictionary and throws the tracker's refusal if there is one. */
  private static BDict topLevel(byte[] body, String what) {
    BValue value;
    try {
      value = Bencode.decode(body);
    } catch (BencodeException e) {
      throw new MalformedTrackerResponseException(what + " is not bencoding: " + e.getMessage(), e);
    }
    if (!(value instanceof BDict dict)) {
      throw malformed(what + " is not a dictionary");
    }
    Optional<BValue> failure = dict.get("failure reason");
    if (failure.isPresent()) {
      throw new TrackerFailureException(
          TrackerText.of(bytes(failure.get(), "failure reason", what)));
    }
    return dict;
  }

  private static void dictionaryPeers(BList list, List<PeerAddress> out) {
    if (list.size() > AnnounceResponse.MAX_PEERS - out.size()) {
      throw malformed("more than " + AnnounceResponse.MAX_PEERS + " peers in " + ANNOUNCE);
    }
    for (int i = 0; i < list.size(); i++) {
      String where = "peer " + i + " in " + ANNOUNCE;
      if (!(list.values().get(i) instanceof BDict peer)) {
        throw malformed(where + " is not a dictionary");
      }
      byte[] ip =
          bytes(peer.get("ip").orElseThrow(() -> malformed("no 'ip' in " + where)), "ip", where);
      long port =
          integer(
              peer.get("port").orElseThrow(() -> malformed("no 'port' in " + where)),
              "port",
              where);
      if (port < 0 || port > PeerAddress.MAX_PORT) {
        throw malformed(
            "'port' " + port + " of " + where + " is outside 0.." + PeerAddress.MAX_PORT);
      }
      if (port != 0) {
        out.add(new PeerAddress(host(ip, where), (int) port));
      }
    }
  }

  private static PeerHost host(byte[] ip, String where) {
    if (ip.length > MAX_PEER_IP_LENGTH) {
      throw malformed("'ip' of " + where + " is longer than " + MAX_PEER_IP_LENGTH + " bytes");
    }
    String text = new String(ip, StandardCharsets.ISO_8859_1);
    try {
      // A bare IPv6 address is written without brackets here; the peer-address parser wants them.
      return PeerAddress.parse((text.indexOf(':') >= 0 ? "[" + text + "]" : text) + ":1").host();
    } catch (IllegalArgumentException e) {
      throw new MalformedTrackerResponseException(
          "'ip' of " + where + " is not an address or host name: " + TrackerText.of(text), e);
    }
  }

  /** Whether every peer is an IP address and no IPv4 peer follows an IPv6 one. */
  private static boolean compactable(List<PeerAddress> peers) {
    boolean seenV6 = false;
    for (PeerAddress peer : peers) {
      if (!(peer.host() instanceof PeerHost.Ip)) {
        return false;
      }
      boolean v4 = CompactPeers.isV4(peer);
      if (seenV6 && v4) {
        return false;
      }
      seenV6 |= !v4;
    }
    return true;
  }

  private static Optional<Duration> optionalSeconds(BDict dict, String key) {
    return dict.get(key)
        .map(
            v -> {
              long seconds = integer(v, key, ANNOUNCE);
              if (seconds < 0 || seconds > AnnounceResponse.MAX_INTERVAL.toSeconds()) {
                throw malformed(
                    "'"
                        + key
                        + "' "
                        + seconds
                        + " in "
                        + ANNOUNCE
                        + " is outside 0.."
                        + AnnounceResponse.MAX_INTERVAL.toSeconds());
              }
              return Duration.ofSeconds(seconds);
            });
  }

  private static int requiredCount(BDict dict, String key, String where) {
    OptionalInt count = optionalCount(dict, key, where);
    if (count.isEmpty()) {
      throw malformed("no '" + key + "' in " + where);
    }
    return count.getAsInt();
  }

  private static OptionalInt optionalCount(BDict dict, String key, String where) {
    Optional<BValue> value = dict.get(key);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    long n = integer(value.get(), key, where);
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw malformed(
          "'" + key + "' " + n + " in " + where + " is outside 0.." + Integer.MAX_VALUE);
    }
    return OptionalInt.of((int) n);
  }

  private static TrackerId trackerId(BValue value) {
    byte[] id = bytes(value, "tracker id", ANNOUNCE);
    if (id.length > TrackerId.MAX_LENGTH) {
      throw malformed(
          "'tracker id' of " + id.length + " bytes is longer than " + TrackerId.MAX_LENGTH);
    }
    return TrackerId.of(id);
  }

  private static long integer(BValue value, String key, String where) {
    if (!(value instanceof BInteger integer)) {
      throw malformed("'" + key + "' in " + where + " is not an integer");
    }
    return integer.value();
  }

  private static byte[] bytes(BValue value, String key, String where) {
    if (!(value instanceof BBytes bytes)) {
      throw malformed("'" + key + "' in " + where + " is not a string");
    }
    return bytes.bytes();
  }

  private static MalformedTrackerResponseException malformed(String message) {
    return new MalformedTrackerResponseException(message);
  }
}
