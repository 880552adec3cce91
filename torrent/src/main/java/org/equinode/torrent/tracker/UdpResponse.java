package org.equinode.torrent.tracker;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;

/**
 * The packets a UDP tracker answers with (BEP 15). {@link #decode} is strict about lengths: a
 * connect answer is exactly 16 bytes, an announce answer 20 bytes plus whole peers (6 bytes each
 * over IPv4, 18 over IPv6: the family of the socket decides, not the packet), a scrape answer 8
 * plus 12 bytes per torrent; nothing may exceed {@link #MAX_LENGTH}. Counts and intervals are
 * signed 32-bit numbers on the wire and must not be negative. Peers with port 0 are dropped, so
 * decoding what {@link #encode} wrote gives the same value.
 */
public sealed interface UdpResponse {
  /** The largest answer accepted, in bytes; a larger datagram is refused unread. */
  int MAX_LENGTH = 8192;

  /** The length of the action and transaction id every answer starts with. */
  int HEADER_LENGTH = 8;

  /** The address family of the socket an answer came over, which sets the peer size. */
  enum Family {
    /** 6-byte peers. */
    V4(CompactPeers.V4_STRIDE),
    /** 18-byte peers. */
    V6(CompactPeers.V6_STRIDE);

    private final int stride;

    Family(int stride) {
      this.stride = stride;
    }

    /** Bytes per peer. */
    public int stride() {
      return stride;
    }
  }

  /** The transaction id of the request this answers. */
  int transactionId();

  /** The packet's bytes. */
  byte[] encode();

  /** The answer to a connect: the connection id to use for the next minute. */
  record Connect(int transactionId, long connectionId) implements UdpResponse {
    /** The length of the packet. */
    public static final int LENGTH = 16;

    @Override
    public byte[] encode() {
      return ByteBuffer.allocate(LENGTH)
          .putInt(UdpRequest.CONNECT)
          .putInt(transactionId)
          .putLong(connectionId)
          .array();
    }
  }

  /** The answer to an announce, with peers of one family. */
  record Announce(
      int transactionId,
      int intervalSeconds,
      int leechers,
      int seeders,
      List<PeerAddress> peers,
      Family family)
      implements UdpResponse {
    /** The length before the peers. */
    public static final int FIXED_LENGTH = 20;

    public Announce {
      if (intervalSeconds < 0 || leechers < 0 || seeders < 0) {
        throw new IllegalArgumentException(
            "negative interval or count: " + intervalSeconds + "/" + leechers + "/" + seeders);
      }
      if (peers.size() > AnnounceResponse.MAX_PEERS) {
        throw new IllegalArgumentException(
            peers.size() + " peers, more than " + AnnounceResponse.MAX_PEERS);
      }
      for (PeerAddress peer : peers) {
        if (!(peer.host() instanceof PeerHost.Ip)
            || (family == Family.V4 && !CompactPeers.isV4(peer))) {
          throw new IllegalArgumentException(peer + " is not a compact " + family + " peer");
        }
      }
      peers = List.copyOf(peers);
    }

    @Override
    public byte[] encode() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(
          ByteBuffer.allocate(FIXED_LENGTH)
              .putInt(UdpRequest.ANNOUNCE)
              .putInt(transactionId)
              .putInt(intervalSeconds)
              .putInt(leechers)
              .putInt(seeders)
              .array());
      peers.forEach(peer -> CompactPeers.write(peer, family.stride(), out));
      return out.toByteArray();
    }
  }

  /** The answer to a scrape: one entry per torrent asked about, in the same order. */
  record Scrape(int transactionId, List<ScrapeStats> stats) implements UdpResponse {
    /** The bytes per torrent. */
    public static final int ENTRY_LENGTH = 12;

    public Scrape {
      stats = List.copyOf(stats);
    }

    @Override
    public byte[] encode() {
      ByteBuffer out = ByteBuffer.allocate(HEADER_LENGTH + ENTRY_LENGTH * stats.size());
      out.putInt(UdpRequest.SCRAPE).putInt(transactionId);
      stats.forEach(s -> out.putInt(s.seeders()).putInt(s.completed()).putInt(s.leechers()));
      return out.array();
    }
  }

  /** A refusal; the message is made safe to log (see {@link TrackerText}). */
  record Failure(int transactionId, String message) implements UdpResponse {
    public Failure {
      message = TrackerText.of(message);
    }

    @Override
    public byte[] encode() {
      byte[] text = message.getBytes(StandardCharsets.UTF_8);
      return ByteBuffer.allocate(HEADER_LENGTH + text.length)
          .putInt(UdpRequest.ERROR)
          .putInt(transactionId)
          .put(text)
          .array();
    }
  }

  /**
   * The transaction id of an answer, read before the rest so that a stray answer can be ignored.
   *
   * @throws MalformedTrackerResponseException if the packet is shorter than 8 bytes
   */
  static int transactionId(byte[] packet, int length) {
    if (length < HEADER_LENGTH) {
      throw new MalformedTrackerResponseException(
          "UDP tracker answer of " + length + " bytes, shorter than " + HEADER_LENGTH);
    }
    return ByteBuffer.wrap(packet, 4, 4).getInt();
  }

  /**
   * Reads one answer.
   *
   * @throws MalformedTrackerResponseException if it breaks the rules above
   */
  static UdpResponse decode(byte[] packet, Family family) {
    return decode(packet, packet.length, family);
  }

  /** Reads one answer from the first {@code length} bytes of {@code packet}. */
  static UdpResponse decode(byte[] packet, int length, Family family) {
    if (length > MAX_LENGTH) {
      throw new MalformedTrackerResponseException(
          "UDP tracker answer of " + length + " bytes, more than " + MAX_LENGTH);
    }
    int transactionId = transactionId(packet, length);
    ByteBuffer in = ByteBuffer.wrap(packet, 0, length);
    int action = in.getInt();
    in.getInt();
    return switch (action) {
      case UdpRequest.CONNECT -> {
        exactLength("connect", length, Connect.LENGTH);
        yield new Connect(transactionId, in.getLong());
      }
      case UdpRequest.ANNOUNCE -> {
        if (length < Announce.FIXED_LENGTH) {
          // opentracker answers an announce for a torrent it does not track with the header alone.
          throw new MalformedTrackerResponseException(
              "UDP announce answer of "
                  + length
                  + " bytes, shorter than "
                  + Announce.FIXED_LENGTH
                  + (length == HEADER_LENGTH ? " (a refusal without a reason)" : ""));
        }
        int interval = nonNegative(in.getInt(), "interval");
        int leechers = nonNegative(in.getInt(), "leechers");
        int seeders = nonNegative(in.getInt(), "seeders");
        List<PeerAddress> peers = new ArrayList<>();
        CompactPeers.read(
            packet, Announce.FIXED_LENGTH, length, family.stride(), "UDP announce peers", peers);
        yield new Announce(transactionId, interval, leechers, seeders, peers, family);
      }
      case UdpRequest.SCRAPE -> {
        if ((length - HEADER_LENGTH) % Scrape.ENTRY_LENGTH != 0) {
          throw new MalformedTrackerResponseException(
              "UDP scrape answer of "
                  + length
                  + " bytes is not 8 plus a multiple of "
                  + Scrape.ENTRY_LENGTH);
        }
        List<ScrapeStats> stats = new ArrayList<>();
        while (in.hasRemaining()) {
          stats.add(
              new ScrapeStats(
                  nonNegative(in.getInt(), "seeders"),
                  nonNegative(in.getInt(), "completed"),
                  nonNegative(in.getInt(), "leechers")));
        }
        yield new Scrape(transactionId, stats);
      }
      case UdpRequest.ERROR ->
          new Failure(
              transactionId, TrackerText.of(Arrays.copyOfRange(packet, HEADER_LENGTH, length)));
      default ->
          throw new MalformedTrackerResponseException("unknown UDP tracker action " + action);
    };
  }

  private static void exactLength(String what, int length, int expected) {
    if (length != expected) {
      throw new MalformedTrackerResponseException(
          "UDP " + what + " answer of " + length + " bytes, not " + expected);
    }
  }

  private static int nonNegative(int value, String what) {
    if (value < 0) {
      throw new MalformedTrackerResponseException(
          "negative " + what + " " + value + " in a UDP tracker answer");
    }
    return value;
  }
}
