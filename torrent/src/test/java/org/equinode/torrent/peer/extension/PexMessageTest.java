package org.equinode.torrent.peer.extension;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.PeerWireException;
import org.junit.jupiter.api.Test;

class PexMessageTest {
  private static byte[] b(String text) {
    return text.getBytes(ISO_8859_1);
  }

  /** An IPv4 address in dotted form, or "::1". */
  private static InetSocketAddress at(String ip, int port) throws Exception {
    byte[] bytes = new byte[ip.equals("::1") ? 16 : 4];
    if (bytes.length == 16) {
      bytes[15] = 1;
    } else {
      String[] parts = ip.split("\\.", -1);
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
    }
    return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
  }

  @Test
  void writesCompactListsWithFlags() throws Exception {
    PexMessage message =
        new PexMessage(
            List.of(
                new PexPeer(at("1.2.3.4", 0x1ae1), new PexFlags(PexFlags.SEED)),
                new PexPeer(at("::1", 80), new PexFlags(PexFlags.REACHABLE | PexFlags.UTP))),
            List.of(at("5.6.7.8", 1)));
    String expected =
        "d5:added6:\u0001\u0002\u0003\u0004\u001a\u00e1"
            + "7:added.f1:\u0002"
            + "6:added618:"
            + "\u0000".repeat(15)
            + "\u0001\u0000P"
            + "8:added6.f1:\u0014"
            + "7:dropped6:\u0005\u0006\u0007\u0008\u0000\u0001e";
    assertThat(new String(message.encode(), ISO_8859_1)).isEqualTo(expected);
    assertThat(PexMessage.decode(message.encode())).isEqualTo(message);
    assertThat(message.added().getFirst().flags().seed()).isTrue();
    assertThat(message.added().get(1).flags().reachable()).isTrue();
  }

  @Test
  void readsListsWithoutFlagsAndSkipsPortZero() throws Exception {
    PexMessage message =
        PexMessage.decode(
            b(
                "d5:added12:\u0001\u0002\u0003\u0004\u0000\u0000"
                    + "\u0009\u0009\u0009\u0009\u0000\u00097:dropped0:e"));
    assertThat(message.added()).containsExactly(new PexPeer(at("9.9.9.9", 9), PexFlags.NONE));
    assertThat(message.dropped()).isEmpty();
    // A key of the wrong type is ignored.
    assertThat(PexMessage.decode(b("d5:addedi1ee")).added()).isEmpty();
  }

  @Test
  void refusesBrokenLists() {
    assertRefused("d5:added5:12345e", "added of 5 bytes is not a list of 6-byte peers");
    assertRefused("d5:added6:1234567:added.f2:xxe", "added.f has 2 flags for 1 peers");
    assertRefused(
        "d8:dropped617:12345678901234567e", "dropped6 of 17 bytes is not a list of 18-byte peers");
    assertRefused(
        "d7:dropped1206:" + "x".repeat(1206) + "e", "dropped holds 201 peers, more than 200");
    assertRefused("i1e", "ut_pex message is not a dictionary");
  }

  private static void assertRefused(String payload, String message) {
    assertThatThrownBy(() -> PexMessage.decode(b(payload)))
        .isInstanceOfSatisfying(
            PeerWireException.class,
            e -> assertThat(e.reason()).isEqualTo(CloseReason.MALFORMED_EXTENSION_MESSAGE))
        .hasMessage(message);
  }

  @Test
  void capsWhatWeSend() throws Exception {
    List<PexPeer> added = new ArrayList<>();
    List<InetSocketAddress> dropped = new ArrayList<>();
    for (int i = 1; i <= 80; i++) {
      added.add(new PexPeer(at("10.0.0." + i, 1000 + i), PexFlags.NONE));
      dropped.add(at("10.0.1." + i, 1000 + i));
    }
    PexMessage capped = PexMessage.capped(added, dropped);
    assertThat(capped.added()).hasSize(PexMessage.MAX_SENT).isEqualTo(added.subList(0, 50));
    assertThat(capped.dropped()).hasSize(PexMessage.MAX_SENT);
  }

  @Test
  void mutatedMessagesDecodeToAFixedPointOrFail() {
    RandomGenerator random = SeededRandom.of(0x5eedL);
    for (int i = 0; i < 5_000; i++) {
      List<PexPeer> added = new ArrayList<>();
      List<InetSocketAddress> dropped = new ArrayList<>();
      for (int n = random.nextInt(6); n > 0; n--) {
        byte[] ip = SeededRandom.bytes(random, random.nextBoolean() ? 4 : 16);
        added.add(
            new PexPeer(
                new InetSocketAddress(CompactPeers.address(ip), 1 + random.nextInt(65_535)),
                new PexFlags(random.nextInt(256))));
      }
      for (int n = random.nextInt(4); n > 0; n--) {
        byte[] ip = SeededRandom.bytes(random, random.nextBoolean() ? 4 : 16);
        dropped.add(new InetSocketAddress(CompactPeers.address(ip), 1 + random.nextInt(65_535)));
      }
      byte[] mutated = Mutations.mutate(new PexMessage(added, dropped).encode(), random);
      try {
        PexMessage decoded = PexMessage.decode(mutated);
        assertThat(PexMessage.decode(decoded.encode())).as("case %d", i).isEqualTo(decoded);
      } catch (PeerWireException e) {
        assertThat(e.reason()).isEqualTo(CloseReason.MALFORMED_EXTENSION_MESSAGE);
      }
    }
  }
}
