package org.equinode.torrent.magnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagnetLinkTest {
  private static final String HEX = "fb77a2baa5540719f3a37a9c27a88e7f017dc1e5";
  private static final String BASE32 = "7N32FOVFKQDRT45DPKOCPKEOP4AX3QPF";
  private static final InfoHash HASH = InfoHash.parse(HEX);

  @Test
  void parsesEveryKnownParameterAndIgnoresTheRest() {
    MagnetLink link =
        MagnetLink.parse(
            "magnet:?xt=urn:btih:"
                + HEX
                + "&dn=Big+Buck%20Bunny%20%C3%A9"
                + "&tr=http%3A%2F%2Ftracker.example%2Fannounce"
                + "&tr=udp://127.0.0.1:6969"
                + "&x.pe=10.0.0.1:6881&x.pe=%5B::1%5D:51413&x.pe=peer.example:80"
                + "&xl=12345&ws=http%3A%2F%2Fseed&so=0-3&x.unknown&&");
    assertThat(link.infoHash()).isEqualTo(HASH);
    assertThat(link.displayName()).contains("Big Buck Bunny é");
    assertThat(link.trackers())
        .containsExactly("http://tracker.example/announce", "udp://127.0.0.1:6969");
    assertThat(link.peers())
        .extracting(PeerAddress::toString)
        .containsExactly("10.0.0.1:6881", "[0:0:0:0:0:0:0:1]:51413", "peer.example:80");
  }

  @Test
  void acceptsBase32AndEitherCaseOfSchemeAndUrn() {
    assertThat(MagnetLink.parse("MAGNET:?xt=URN:BTIH:" + BASE32).infoHash()).isEqualTo(HASH);
    assertThat(
            MagnetLink.parse(
                "  magnet:?xt=urn:btih:" + HEX.toUpperCase(java.util.Locale.ROOT) + "\n"))
        .isEqualTo(MagnetLink.of(HASH));
  }

  @Test
  void ignoresOtherKindsOfExactTopic() {
    MagnetLink link =
        MagnetLink.parse(
            "magnet:?xt=urn:sha1:ABCDEF&xt=urn:btih:"
                + HEX
                + "&xt=urn:btmh:1220"
                + "00".repeat(32));
    assertThat(link.infoHash()).isEqualTo(HASH);
  }

  @Test
  void writesACanonicalLink() {
    MagnetLink link =
        new MagnetLink(
            HASH,
            Optional.of("a b+c/é😀"),
            List.of("http://t.example/ann?k=1&x=2", "udp://u:1"),
            List.of(PeerAddress.parse("1.2.3.4:5"), PeerAddress.parse("[::1]:6")));
    assertThat(link.toUri())
        .isEqualTo(
            "magnet:?xt=urn:btih:"
                + HEX
                + "&dn=a%20b%2Bc%2F%C3%A9%F0%9F%98%80"
                + "&tr=http%3A%2F%2Ft.example%2Fann%3Fk%3D1%26x%3D2"
                + "&tr=udp%3A%2F%2Fu%3A1"
                + "&x.pe=1.2.3.4:5&x.pe=[0:0:0:0:0:0:0:1]:6");
    assertThat(MagnetLink.parse(link.toUri())).isEqualTo(link);
    assertThat(link).hasToString(link.toUri());
  }

  @Test
  void keepsTrackersAndPeersOnce() {
    MagnetLink link =
        MagnetLink.parse(
            "magnet:?xt=urn:btih:"
                + HEX
                + "&tr=udp://a:1&tr=udp%3A%2F%2Fa%3A1&x.pe=1.1.1.1:1&x.pe=1.1.1.1:1");
    assertThat(link.trackers()).containsExactly("udp://a:1");
    assertThat(link.peers()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "http://example.com/ | not a magnet link (no 'magnet:?'): 'http://example.com/'",
        "magnet: | not a magnet link (no 'magnet:?'): 'magnet:'",
        "magnet:? | no 'xt=urn:btih:' (the info-hash)",
        "magnet:?dn=x&tr=udp://a:1 | no 'xt=urn:btih:' (the info-hash)",
        "magnet:?xt=urn:btmh:1220aa | only a v2 info-hash ('xt=urn:btmh:'); v2-only torrents are not"
            + " supported yet",
        "magnet:?xt | 'xt' has no value",
        "magnet:?xt=urn:btih:abc | bad info-hash in 'xt' 'urn:btih:abc': an info-hash is 40 hex"
            + " digits or 32 base32 characters, got 3",
        "magnet:?xt=urn:btih:zz77a2baa5540719f3a37a9c27a88e7f017dc1e5 | bad info-hash in 'xt'"
            + " 'urn:btih:zz77a2baa5540719f3a37a9c27a88e7f017dc1e5': not a hex digit at position 0:"
            + " 'z'",
        "magnet:?dn=%zz | bad 'dn' value '%zz': bad percent escape '%zz'",
        "magnet:?dn=abc%4 | bad 'dn' value 'abc%4': bad percent escape '%4'",
        "magnet:?dn=abc% | bad 'dn' value 'abc%': bad percent escape '%'",
        "magnet:?dn=%C3%28 | bad 'dn' value '%C3%28': percent escapes that are not UTF-8",
        "magnet:?dn=%ED%A0%80 | bad 'dn' value '%ED%A0%80': percent escapes that are not UTF-8",
        "magnet:?dn=a%0Ab | bad 'dn' value 'a%0Ab': display name with a control character",
        "magnet:?dn=a&dn=b | more than one 'dn'",
        "magnet:?tr=http://a/%0D%0AHost | bad 'tr' value 'http://a/%0D%0AHost': tracker URL with a"
            + " space or control character",
        "magnet:?tr= | bad 'tr' value '': tracker URL of 0 characters is outside 1..2048",
        "magnet:?x.pe=1.2.3.4:0 | bad 'x.pe' '1.2.3.4:0': port 0 is outside 1..65535",
        "magnet:?x.pe=1.2.3.4:65536 | bad 'x.pe' '1.2.3.4:65536': port 65536 is outside 1..65535",
        "magnet:?x.pe=[::1] | bad 'x.pe' '[::1]': no port in '[::1]'",
      })
  void refusesWithAClearMessage(String uri, String message) {
    assertThatThrownBy(() -> MagnetLink.parse(uri))
        .isInstanceOf(InvalidMagnetException.class)
        .hasMessage(message);
  }

  @Test
  void refusesTwoInfoHashes() {
    String other = "00".repeat(20);
    assertThatThrownBy(
            () -> MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&xt=urn:btih:" + other))
        .isInstanceOf(InvalidMagnetException.class)
        .hasMessage("more than one 'xt=urn:btih:'");
    assertThatThrownBy(
            () -> MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&xt=urn:btih:" + BASE32))
        .hasMessage("more than one 'xt=urn:btih:'");
  }

  @Test
  void appliesItsLimits() {
    StringBuilder many = new StringBuilder("magnet:?xt=urn:btih:" + HEX);
    for (int i = 0; i <= MagnetLink.MAX_TRACKERS; i++) {
      many.append("&tr=udp://t").append(i).append(":1");
    }
    assertThatThrownBy(() -> MagnetLink.parse(many.toString())).hasMessage("more than 100 'tr'");

    StringBuilder peers = new StringBuilder("magnet:?xt=urn:btih:" + HEX);
    for (int i = 1; i <= MagnetLink.MAX_PEERS + 1; i++) {
      peers.append("&x.pe=10.0.0.1:").append(i);
    }
    assertThatThrownBy(() -> MagnetLink.parse(peers.toString())).hasMessage("more than 100 'x.pe'");

    String params = "magnet:?xt=urn:btih:" + HEX + "&a=1".repeat(MagnetLink.MAX_PARAMETERS);
    assertThatThrownBy(() -> MagnetLink.parse(params))
        .hasMessage("magnet link with more than 512 parameters");

    String longLink = "magnet:?xt=urn:btih:" + HEX + "&x=" + "a".repeat(MagnetLink.MAX_URI_LENGTH);
    assertThatThrownBy(() -> MagnetLink.parse(longLink))
        .hasMessage("magnet link of 65599 characters, more than 65536");

    String longName = "magnet:?xt=urn:btih:" + HEX + "&dn=" + "n".repeat(2049);
    assertThatThrownBy(() -> MagnetLink.parse(longName))
        .hasMessageEndingWith("display name of 2049 characters, more than 2048");
  }

  @Test
  void describesATorrent() throws IOException {
    byte[] file;
    try (InputStream in = getClass().getResourceAsStream("/mktorrent/single.torrent")) {
      file = in.readAllBytes();
    }
    Metainfo metainfo = Metainfo.parse(file);
    MagnetLink link = MagnetLink.of(metainfo);
    assertThat(link.toUri())
        .isEqualTo(
            "magnet:?xt=urn:btih:"
                + HEX
                + "&dn=tiny.txt&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce"
                + "&tr=udp%3A%2F%2F127.0.0.1%3A6969");
  }

  @Test
  void roundTripsRandomLinks() {
    RandomGenerator random = SeededRandom.of(0x3a9e7L);
    for (int i = 0; i < 1_000; i++) {
      MagnetLink link = randomLink(random);
      assertThat(MagnetLink.parse(link.toUri())).as(link.toUri()).isEqualTo(link);
    }
  }

  @Test
  void mutatedLinksParseConsistentlyOrFailWithInvalidMagnetException() {
    RandomGenerator random = SeededRandom.of(0x3a9e8L);
    String alphabet = "%&=:+[]./xX0aF9\u00e9\n ";
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder(randomLink(random).toUri());
      for (int e = 1 + random.nextInt(3); e > 0 && !text.isEmpty(); e--) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
          case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> text.deleteCharAt(at);
          default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      MagnetLink link;
      try {
        link = MagnetLink.parse(text.toString());
      } catch (InvalidMagnetException e) {
        continue;
      }
      parsed++;
      assertThat(MagnetLink.parse(link.toUri())).as(text.toString()).isEqualTo(link);
    }
    assertThat(parsed).isPositive();
  }

  private static MagnetLink randomLink(RandomGenerator random) {
    InfoHash hash = InfoHash.of(SeededRandom.bytes(random, 20));
    Optional<String> name =
        random.nextBoolean()
            ? Optional.of(randomText(random, 1 + random.nextInt(20)))
            : Optional.empty();
    List<String> trackers = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      trackers.add(
          "udp://t"
              + random.nextInt(1000)
              + ".example:"
              + (1 + random.nextInt(65535))
              + "/"
              + randomText(random, 3).replaceAll("[\\s]", "x"));
    }
    List<PeerAddress> peers = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      String host =
          switch (random.nextInt(3)) {
            case 0 -> random.nextInt(256) + "." + random.nextInt(256) + ".0." + random.nextInt(256);
            case 1 ->
                "[" + Integer.toHexString(random.nextInt(65536)) + "::" + random.nextInt(10) + "]";
            default -> "peer" + random.nextInt(100) + ".example";
          };
      peers.add(PeerAddress.parse(host + ":" + (1 + random.nextInt(65535))));
    }
    return new MagnetLink(hash, name, trackers, peers);
  }

  /** Printable text from several scripts, with a character outside the BMP now and then. */
  private static String randomText(RandomGenerator random, int length) {
    StringBuilder out = new StringBuilder();
    String pool = "abcXYZ 019+%&=#?/:é日本😀";
    for (int i = 0; i < length; i++) {
      int start = pool.offsetByCodePoints(0, random.nextInt(pool.codePointCount(0, pool.length())));
      out.appendCodePoint(pool.codePointAt(start));
    }
    return out.toString();
  }
}
