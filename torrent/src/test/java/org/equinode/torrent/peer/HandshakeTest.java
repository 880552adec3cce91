package org.equinode.torrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.Test;

class HandshakeTest {
  private static final InfoHash HASH = InfoHash.parse("0123456789abcdef0123456789abcdef01234567");
  private static final PeerId ID =
      PeerId.of("-EQ0010-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));

  @Test
  void encodesTheBep3Layout() {
    byte[] bytes = new Handshake(ReservedBits.ours(true), HASH, ID).encode();
    assertThat(bytes).hasSize(68);
    assertThat(bytes[0]).isEqualTo((byte) 19);
    assertThat(new String(bytes, 1, 19, StandardCharsets.US_ASCII))
        .isEqualTo("BitTorrent protocol");
    // Reserved bytes 20..27: extension protocol is byte 5 & 0x10, fast byte 7 & 0x04, DHT 7 & 0x01.
    assertThat(Hex.encode(Arrays.copyOfRange(bytes, 20, 28))).isEqualTo("0000000000100005");
    assertThat(Arrays.copyOfRange(bytes, 28, 48)).isEqualTo(HASH.toByteArray());
    assertThat(Arrays.copyOfRange(bytes, 48, 68)).isEqualTo(ID.toByteArray());
  }

  @Test
  void namesTheReservedBits() {
    ReservedBits libtorrent = new ReservedBits(0x0000000000180005L);
    assertThat(libtorrent.extensionProtocol()).isTrue();
    assertThat(libtorrent.fast()).isTrue();
    assertThat(libtorrent.dht()).isTrue();
    assertThat(ReservedBits.NONE.fast()).isFalse();
    ReservedBits both = ReservedBits.ours(false).and(libtorrent);
    assertThat(both.fast()).isTrue();
    assertThat(both.dht()).isFalse();
    assertThat(both.extensionProtocol()).isTrue();
    assertThat(ReservedBits.NONE.with(ReservedBits.DHT).dht()).isTrue();
  }

  @Test
  void roundTripsAndKeepsUnknownBits() {
    Handshake handshake = new Handshake(new ReservedBits(0x8000000000000001L), HASH, ID);
    assertThat(Handshake.decode(handshake.encode())).isEqualTo(handshake);
    assertThat(Handshake.decodeHeader(Arrays.copyOf(handshake.encode(), 48)))
        .isEqualTo(handshake.header());
  }

  @Test
  void refusesAnotherProtocol() {
    byte[] bytes = new Handshake(ReservedBits.NONE, HASH, ID).encode();
    bytes[0] = 18;
    assertThatThrownBy(() -> Handshake.decode(bytes))
        .isInstanceOfSatisfying(
            PeerWireException.class,
            e -> assertThat(e.reason()).isEqualTo(CloseReason.BAD_HANDSHAKE))
        .hasMessage("not the BitTorrent protocol (first byte 18)");
    byte[] other = new Handshake(ReservedBits.NONE, HASH, ID).encode();
    other[5] = 'x';
    assertThatThrownBy(() -> Handshake.decode(other))
        .hasMessage("not the BitTorrent protocol (first byte 19)");
    assertThatThrownBy(() -> Handshake.decode(new byte[67]))
        .isInstanceOf(PeerWireException.class)
        .hasMessage("a handshake is 68 bytes, got 67");
  }

  @Test
  void mutatedHandshakesDecodeToTheirOwnBytesOrFail() {
    RandomGenerator random = SeededRandom.of(0x5eedL);
    for (int i = 0; i < 3_000; i++) {
      byte[] valid =
          new Handshake(
                  new ReservedBits(random.nextLong()),
                  InfoHash.of(SeededRandom.bytes(random, 20)),
                  PeerId.random(random))
              .encode();
      byte[] mutated = Mutations.mutate(valid, random);
      try {
        assertThat(Handshake.decode(mutated).encode()).isEqualTo(mutated);
      } catch (PeerWireException e) {
        assertThat(e.reason()).isEqualTo(CloseReason.BAD_HANDSHAKE);
      }
    }
  }
}
