package org.equinode.torrent.dht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.Test;

class KrpcMessageTest {
  private static final NodeId ABC = NodeId.of(ascii("abcdefghij0123456789"));
  private static final NodeId MNO = NodeId.of(ascii("mnopqrstuvwxyz123456"));
  private static final TransactionId AA = new TransactionId(BBytes.of("aa"));

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static InetSocketAddress at(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The examples of BEP 5, byte for byte. */
  @Test
  void bep5Examples() {
    assertBytes(
        new KrpcMessage(AA, Optional.empty(), Optional.empty(), new Query.Ping(ABC)),
        "d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe");
    assertBytes(
        new KrpcMessage(AA, Optional.empty(), Optional.empty(), Response.ofId(MNO)),
        "d1:rd2:id20:mnopqrstuvwxyz123456e1:t2:aa1:y1:re");
    assertBytes(
        new KrpcMessage(AA, Optional.empty(), Optional.empty(), new Query.FindNode(ABC, MNO)),
        "d1:ad2:id20:abcdefghij01234567896:target20:mnopqrstuvwxyz123456e1:q9:find_node1:t2:aa1:y1:qe");
    assertBytes(
        new KrpcMessage(
            AA,
            Optional.empty(),
            Optional.empty(),
            new Query.GetPeers(ABC, InfoHash.of(ascii("mnopqrstuvwxyz123456")))),
        "d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz123456e1:q9:get_peers1:t2:aa1:y1:qe");
    assertBytes(
        new KrpcMessage(
            AA,
            Optional.empty(),
            Optional.empty(),
            new Query.AnnouncePeer(
                ABC,
                InfoHash.of(ascii("mnopqrstuvwxyz123456")),
                6881,
                true,
                new Token(BBytes.of("aoeusnth")))),
        "d1:ad2:id20:abcdefghij012345678912:implied_porti1e9:info_hash20:mnopqrstuvwxyz1234564:porti6881e5:token8:aoeusnthe1:q13:announce_peer1:t2:aa1:y1:qe");
    assertBytes(
        new KrpcMessage(
            AA, Optional.empty(), Optional.empty(), new ErrorReply(201, "A Generic Error Ocurred")),
        "d1:eli201e23:A Generic Error Ocurrede1:t2:aa1:y1:ee");
  }

  private static void assertBytes(KrpcMessage message, String wire) {
    assertThat(new String(message.encode(), StandardCharsets.ISO_8859_1)).isEqualTo(wire);
    assertThat(KrpcMessage.decode(wire.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(message);
  }

  @Test
  void repliesWithNodesValuesTokenIpAndVersionRoundTrip() {
    List<NodeInfo> nodes =
        List.of(new NodeInfo(ABC, at("1.2.3.4", 6881)), new NodeInfo(MNO, at("5.6.7.8", 1)));
    Response r =
        new Response(
            MNO,
            nodes,
            List.of(at("9.9.9.9", 51413), at("10.0.0.1", 6881)),
            Optional.of(new Token(BBytes.of("tok"))));
    KrpcMessage m =
        new KrpcMessage(AA, Optional.of(DhtNode.VERSION), Optional.of(at("127.0.0.1", 7000)), r);
    KrpcMessage back = KrpcMessage.decode(m.encode());
    assertThat(back).isEqualTo(m);
    assertThat(back.ip()).contains(at("127.0.0.1", 7000));
    assertThat(NodeInfo.encode(nodes)).hasSize(2 * NodeInfo.COMPACT_LENGTH);
  }

  @Test
  void unknownMethodsAndKeysAreKeptApart() {
    KrpcMessage m =
        KrpcMessage.decode(
            ascii(
                "d1:ad2:id20:abcdefghij01234567892:ro"
                    + "i1ee1:q17:sample_infohashes1:t2:aa1:y1:qe"));
    assertThat(m.body()).isEqualTo(new Query.Unknown(ABC, "sample_infohashes"));
  }

  @Test
  void refusals() {
    refuse("d1:t2:aa1:y1:qe", "no 'q' in the packet");
    refuse(
        "d1:ad2:id3:abce1:q4:ping1:t2:aa1:y1:qe",
        "'id' in the arguments of ping is 3 bytes, not 20");
    refuse(
        "d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t0:1:y1:qe",
        "a transaction id is 1..16 bytes, got 0");
    refuse("d1:t2:aa1:y1:xe", "'y' is 'x', not q, r or e");
    refuse("li1ee", "a packet that is not a dictionary");
    refuse(
        "d1:rd2:id20:mnopqrstuvwxyz1234565:nodes3:abce1:t2:aa1:y1:re",
        "'nodes' of 3 bytes is not a list of 26-byte nodes");
    refuse(
        "d1:rd2:id20:mnopqrstuvwxyz1234566:valuesl3:abcee1:t2:aa1:y1:re",
        "a peer in 'values' is 3 bytes, not 6");
    refuse("d1:eli201ee1:t2:aa1:y1:ee", "an error list of 1 entries, not 2");
    refuse("d2:ip3:abc1:rd2:id20:mnopqrstuvwxyz123456e1:t2:aa1:y1:re", "'ip' is 3 bytes, not 6");
    refuse(
        "d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz1234564:porti70000e5:token1:xe1:q13:announce_peer1:t2:aa1:y1:qe",
        "'port' 70000 in the arguments of announce_peer is outside 0..65535");
    assertThatThrownBy(() -> KrpcMessage.decode(new byte[KrpcMessage.MAX_PACKET_LENGTH + 1]))
        .isInstanceOf(KrpcException.class)
        .hasMessage("a packet of 2049 bytes, more than 2048");
    assertThatThrownBy(() -> KrpcMessage.decode(ascii("d1:t")))
        .isInstanceOf(KrpcException.class)
        .hasMessageStartingWith("not bencoding: ");
  }

  private static void refuse(String wire, String message) {
    assertThatThrownBy(() -> KrpcMessage.decode(ascii(wire)))
        .isInstanceOf(KrpcException.class)
        .hasMessage(message);
  }

  /** Seeded mutations: each decodes to a fixed point or fails with a KrpcException. */
  @Test
  void mutatedBytes() {
    RandomGenerator random = SeededRandom.of(5);
    List<byte[]> seeds = new ArrayList<>();
    for (KrpcMessage m : samples()) {
      seeds.add(m.encode());
    }
    int decoded = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] input = seeds.get(random.nextInt(seeds.size()));
      for (int n = 1 + random.nextInt(3); n > 0; n--) {
        input = Mutations.mutate(input, random);
      }
      KrpcMessage m;
      try {
        m = KrpcMessage.decode(input);
      } catch (TorrentException e) {
        assertThat(e).isInstanceOf(KrpcException.class);
        continue;
      }
      decoded++;
      assertThat(KrpcMessage.decode(m.encode())).isEqualTo(m);
    }
    assertThat(decoded).isPositive();
  }

  static List<KrpcMessage> samples() {
    InfoHash hash = InfoHash.of(ascii("mnopqrstuvwxyz123456"));
    List<KrpcBody> bodies =
        List.of(
            new Query.Ping(ABC),
            new Query.FindNode(ABC, MNO),
            new Query.GetPeers(ABC, hash),
            new Query.AnnouncePeer(ABC, hash, 6881, false, new Token(BBytes.of("12345678"))),
            new Response(
                MNO,
                List.of(new NodeInfo(ABC, at("1.2.3.4", 6881))),
                List.of(at("9.9.9.9", 51413)),
                Optional.of(new Token(BBytes.of("tok")))),
            new ErrorReply(ErrorReply.PROTOCOL, "bad token"));
    List<KrpcMessage> out = new ArrayList<>();
    for (KrpcBody body : bodies) {
      out.add(
          new KrpcMessage(AA, Optional.of(DhtNode.VERSION), Optional.of(at("1.2.3.4", 80)), body));
    }
    return out;
  }
}
