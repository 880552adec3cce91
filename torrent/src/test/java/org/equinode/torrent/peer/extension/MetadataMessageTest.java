package org.equinode.torrent.peer.extension;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.PeerWireException;
import org.junit.jupiter.api.Test;

class MetadataMessageTest {
  private static byte[] b(String text) {
    return text.getBytes(ISO_8859_1);
  }

  private static byte[] concat(byte[] a, byte[] c) {
    byte[] out = Arrays.copyOf(a, a.length + c.length);
    System.arraycopy(c, 0, out, a.length, c.length);
    return out;
  }

  @Test
  void writesTheBep9Examples() {
    assertThat(new MetadataMessage.Request(0).encode()).isEqualTo(b("d8:msg_typei0e5:piecei0ee"));
    assertThat(new MetadataMessage.Reject(3).encode()).isEqualTo(b("d8:msg_typei2e5:piecei3ee"));
    byte[] last = new byte[34256 - 2 * 16384];
    Arrays.fill(last, (byte) 7);
    assertThat(new MetadataMessage.Data(2, 34256, last).encode())
        .isEqualTo(concat(b("d8:msg_typei1e5:piecei2e10:total_sizei34256ee"), last));
  }

  @Test
  void readsEachKind() {
    assertThat(MetadataMessage.decode(b("d8:msg_typei0e5:piecei5ee")))
        .contains(new MetadataMessage.Request(5));
    assertThat(MetadataMessage.decode(b("d5:piecei5e8:msg_typei2ee")))
        .contains(new MetadataMessage.Reject(5));
    byte[] full = new byte[16384];
    full[0] = 1;
    byte[] data = concat(b("d8:msg_typei1e5:piecei0e10:total_sizei20000ee"), full);
    assertThat(MetadataMessage.decode(data)).contains(new MetadataMessage.Data(0, 20000, full));
    // Unknown message types are ignored (BEP 9); unknown keys too.
    assertThat(MetadataMessage.decode(b("d8:msg_typei7e5:piecei0ee"))).isEmpty();
    assertThat(MetadataMessage.decode(b("d8:msg_typei0e5:piecei0e10:total_sizei9ee")))
        .contains(new MetadataMessage.Request(0));
  }

  @Test
  void refusesBrokenMessages() {
    assertRefused("le", "ut_metadata message does not start with a dictionary");
    assertRefused("d5:piecei0ee", "ut_metadata message without an integer msg_type and piece");
    assertRefused(
        "d8:msg_typei0e5:piece1:0e", "ut_metadata message without an integer msg_type and piece");
    assertRefused("d8:msg_typei0e5:piecei1024ee", "ut_metadata piece 1024 is outside 0..1023");
    assertRefused("d8:msg_typei0e5:piecei0eeX", "1 bytes after a ut_metadata request or reject");
    assertRefused(
        "d8:msg_typei1e5:piecei0e10:total_sizei16777217ee",
        "ut_metadata data without a total_size in 1..16777216");
    assertRefused(
        "d8:msg_typei1e5:piecei1e10:total_sizei3ee123",
        "ut_metadata piece 1 of 3 bytes of metadata carries 3 bytes");
    assertRefused(
        "d8:msg_typei1e5:piecei0e10:total_sizei3ee1234",
        "ut_metadata piece 0 of 3 bytes of metadata carries 4 bytes");
  }

  private static void assertRefused(String payload, String message) {
    assertThatThrownBy(() -> MetadataMessage.decode(b(payload)))
        .isInstanceOfSatisfying(
            PeerWireException.class,
            e -> assertThat(e.reason()).isEqualTo(CloseReason.MALFORMED_EXTENSION_MESSAGE))
        .hasMessage(message);
  }

  @Test
  void mutatedMessagesDecodeToAFixedPointOrFail() {
    RandomGenerator random = SeededRandom.of(0x5eedL);
    for (int i = 0; i < 5_000; i++) {
      int total = 1 + random.nextInt(40_000);
      int piece = random.nextInt(MetadataMessage.pieceCount(total));
      byte[] bytes = SeededRandom.bytes(random, MetadataMessage.pieceLength(piece, total));
      MetadataMessage valid =
          switch (random.nextInt(3)) {
            case 0 -> new MetadataMessage.Request(piece);
            case 1 -> new MetadataMessage.Reject(piece);
            default -> new MetadataMessage.Data(piece, total, bytes);
          };
      byte[] mutated = Mutations.mutate(valid.encode(), random);
      try {
        Optional<MetadataMessage> decoded = MetadataMessage.decode(mutated);
        decoded.ifPresent(m -> assertThat(MetadataMessage.decode(m.encode())).contains(m));
      } catch (PeerWireException e) {
        assertThat(e.reason()).isEqualTo(CloseReason.MALFORMED_EXTENSION_MESSAGE);
      }
    }
  }
}
