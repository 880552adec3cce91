package org.equinode.torrent.tracker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.equinode.torrent.metainfo.InfoHash;

/** Values shared by the tracker tests. */
final class Samples {
  static final InfoHash HASH = InfoHash.parse("0123456789abcdef0123456789abcdef01234567");
  static final InfoHash OTHER_HASH = InfoHash.parse("fedcba9876543210fedcba9876543210fedcba98");
  static final PeerId PEER_ID =
      PeerId.of("-EQ0001-abcdefghijkl".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private Samples() {}

  static AnnounceRequest request(AnnounceEvent event) {
    return new AnnounceRequest(
        HASH, PEER_ID, 6881, 100, 200, 300, event, 50, 0x0badcafe, Optional.empty());
  }

  static PeerAddress v4(int a, int b, int c, int d, int port) {
    return new PeerAddress(
        new PeerHost.Ip(address(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d})), port);
  }

  static PeerAddress v6(int last, int port) {
    byte[] bytes = new byte[16];
    bytes[0] = 0x20;
    bytes[1] = 0x01;
    bytes[15] = (byte) last;
    return new PeerAddress(new PeerHost.Ip(address(bytes)), port);
  }

  static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A random but valid announce response. */
  static AnnounceResponse randomResponse(RandomGenerator random) {
    List<PeerAddress> peers = new ArrayList<>();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      int port = 1 + random.nextInt(65_535);
      peers.add(
          switch (random.nextInt(3)) {
            case 0 ->
                new PeerAddress(new PeerHost.Ip(address(SeededRandom.bytes(random, 4))), port);
            case 1 -> new PeerAddress(new PeerHost.Ip(address(v6bytes(random))), port);
            default ->
                new PeerAddress(new PeerHost.Name("peer" + random.nextInt(100) + ".example"), port);
          });
    }
    return new AnnounceResponse(
        Duration.ofSeconds(random.nextInt(4000)),
        random.nextBoolean()
            ? Optional.of(Duration.ofSeconds(random.nextInt(100)))
            : Optional.empty(),
        random.nextBoolean() ? OptionalInt.of(random.nextInt(1000)) : OptionalInt.empty(),
        random.nextBoolean() ? OptionalInt.of(random.nextInt(1000)) : OptionalInt.empty(),
        peers,
        random.nextBoolean() ? Optional.of("warning " + random.nextInt()) : Optional.empty(),
        random.nextBoolean()
            ? Optional.of(TrackerId.of(SeededRandom.bytes(random, random.nextInt(8))))
            : Optional.empty());
  }

  private static byte[] v6bytes(RandomGenerator random) {
    byte[] bytes = SeededRandom.bytes(random, 16);
    bytes[0] = 0x2a; // never IPv4-mapped
    return bytes;
  }
}
