package org.equinode.torrent.peer.extension;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.PeerWireException;
import org.junit.jupiter.api.Test;

class ExtendedHandshakeTest {
  private static byte[] b(String text) {
    return text.getBytes(ISO_8859_1);
  }

  /** What libtorrent 2.0 sends, keys as it sorts them. */
  static final byte[] LIBTORRENT =
      b(
          "d12:complete_agoi-1e1:md11:lt_donthavei7e10:share_modei8e11:upload_onlyi3e"
              + "12:ut_holepunchi4e11:ut_metadatai2e6:ut_pexi1ee13:metadata_sizei1234e"
              + "1:pi6881e4:reqqi500e11:upload_onlyi0e1:v18:libtorrent/2.0.8.0"
              + "6:yourip4:\u007f\u0000\u0000\u0001e");

  @Test
  void readsWhatLibtorrentSends() throws Exception {
    ExtendedHandshake h = ExtendedHandshake.decode(LIBTORRENT);
    assertThat(h.messageIds())
        .containsEntry("ut_metadata", 2)
        .containsEntry("ut_pex", 1)
        .containsEntry("lt_donthave", 7)
        .hasSize(6);
    assertThat(h.extensionIds().id(ExtensionName.UT_METADATA)).hasValue(2);
    assertThat(h.extensionIds().id(ExtensionName.UT_PEX)).hasValue(1);
    assertThat(h.client()).contains("libtorrent/2.0.8.0");
    assertThat(h.listenPort()).hasValue(6881);
    assertThat(h.requestQueue()).hasValue(500);
    assertThat(h.metadataSize()).hasValue(1234);
    assertThat(h.yourIp()).contains(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
  }

  @Test
  void writesOursCanonically() throws Exception {
    ExtendedHandshake ours =
        ExtendedHandshake.ours(
            ExtensionIds.LOCAL,
            "Equinode 0.1.0",
            51413,
            OptionalInt.of(40000),
            Optional.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 2})));
    assertThat(new String(ours.encode(), ISO_8859_1))
        .isEqualTo(
            "d1:md11:ut_metadatai2e6:ut_pexi1ee13:metadata_sizei40000e1:pi51413e"
                + "4:reqqi500e1:v14:Equinode 0.1.06:yourip4:\u007f\u0000\u0000\u0002e");
    assertThat(ExtendedHandshake.decode(ours.encode())).isEqualTo(ours);
  }

  @Test
  void takesOddFieldsAsAbsentAndCleansTheClientName() {
    ExtendedHandshake h =
        ExtendedHandshake.decode(
            b(
                "d1:md6:ut_pexi300e11:ut_metadata3:abc4:zeroi0ee13:metadata_sizei99999999e"
                    + "1:pi-1e4:reqqi0e1:v6:a\nb\u0000cd6:yourip5:12345e"));
    assertThat(h.messageIds()).isEqualTo(Map.of("zero", 0));
    assertThat(h.extensionIds()).isEqualTo(ExtensionIds.NONE);
    assertThat(h.metadataSize()).isEmpty();
    assertThat(h.listenPort()).isEmpty();
    assertThat(h.requestQueue()).isEmpty();
    assertThat(h.client()).contains("a?b?cd");
    assertThat(h.yourIp()).isEmpty();
    assertThat(ExtendedHandshake.decode(b("de")).messageIds()).isEmpty();
    // Keys in any order: some clients do not sort them.
    assertThat(ExtendedHandshake.decode(b("d1:pi1e1:mdee")).listenPort()).hasValue(1);
  }

  @Test
  void refusesWhatIsNotADictionary() {
    assertThatThrownBy(() -> ExtendedHandshake.decode(b("li1ee")))
        .isInstanceOfSatisfying(
            PeerWireException.class,
            e -> assertThat(e.reason()).isEqualTo(CloseReason.MALFORMED_EXTENSION_MESSAGE))
        .hasMessage("extended handshake is not a dictionary");
    assertThatThrownBy(() -> ExtendedHandshake.decode(b("d1:md")))
        .isInstanceOf(PeerWireException.class)
        .hasMessage("extended handshake: unexpected end of input at offset 5");
  }

  @Test
  void mutatedHandshakesDecodeToAFixedPointOrFail() {
    RandomGenerator random = SeededRandom.of(0x5eedL);
    for (int i = 0; i < 5_000; i++) {
      byte[] mutated = Mutations.mutate(LIBTORRENT, random);
      for (int more = random.nextInt(3); more > 0; more--) {
        mutated = Mutations.mutate(mutated, random);
      }
      try {
        ExtendedHandshake h = ExtendedHandshake.decode(mutated);
        assertThat(ExtendedHandshake.decode(h.encode())).as("case %d", i).isEqualTo(h);
      } catch (PeerWireException e) {
        assertThat(e.reason()).isEqualTo(CloseReason.MALFORMED_EXTENSION_MESSAGE);
      }
    }
  }
}
