package org.equinode.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class InfoHashTest {
  // Base32 forms computed with Python's base64.b32encode.
  private static final String HEX = "fb77a2baa5540719f3a37a9c27a88e7f017dc1e5";
  private static final String BASE32 = "7N32FOVFKQDRT45DPKOCPKEOP4AX3QPF";

  @Test
  void parsesHexAndBase32ToTheSameHash() {
    InfoHash fromHex = InfoHash.parse(HEX);
    assertThat(InfoHash.parse(BASE32)).isEqualTo(fromHex);
    assertThat(InfoHash.parse(BASE32.toLowerCase(java.util.Locale.ROOT))).isEqualTo(fromHex);
    assertThat(InfoHash.parse(HEX.toUpperCase(java.util.Locale.ROOT))).isEqualTo(fromHex);
    assertThat(fromHex.hex()).isEqualTo(HEX);
    assertThat(fromHex.base32()).isEqualTo(BASE32);
    assertThat(fromHex).hasToString(HEX);
    assertThat(fromHex.toUrn()).isEqualTo("urn:btih:" + HEX);
    assertThat(InfoHash.parseUrn("URN:BTIH:" + BASE32)).isEqualTo(fromHex);
  }

  @Test
  void knowsTheBase32OfCountingBytes() {
    byte[] counting = new byte[20];
    for (int i = 0; i < 20; i++) {
      counting[i] = (byte) i;
    }
    assertThat(InfoHash.of(counting).base32()).isEqualTo("AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT");
  }

  @Test
  void roundTripsRandomHashes() {
    RandomGenerator random = SeededRandom.of(20);
    for (int i = 0; i < 500; i++) {
      InfoHash hash = InfoHash.of(SeededRandom.bytes(random, 20));
      assertThat(InfoHash.parse(hash.hex())).isEqualTo(hash);
      assertThat(InfoHash.parse(hash.base32())).isEqualTo(hash);
      assertThat(InfoHash.parseUrn(hash.toUrn())).isEqualTo(hash);
      assertThat(InfoHash.of(hash.toByteArray())).isEqualTo(hash).hasSameHashCodeAs(hash);
    }
  }

  @Test
  void refusesMalformedText() {
    assertThatThrownBy(() -> InfoHash.parse(HEX.substring(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an info-hash is 40 hex digits or 32 base32 characters, got 39");
    assertThatThrownBy(() -> InfoHash.parse(HEX.substring(1) + "g"))
        .hasMessage("not a hex digit at position 39: 'g'");
    // Character.digit would take an Arabic-Indic digit; an info-hash does not.
    assertThatThrownBy(() -> InfoHash.parse(HEX.substring(1) + "\u0663"))
        .hasMessage("not a hex digit at position 39: '\u0663'");
    assertThatThrownBy(() -> InfoHash.parse(BASE32.substring(1) + "1"))
        .hasMessage("not a base32 character at position 31: '1'");
    // Character.toUpperCase would turn a dotless i into 'I'.
    assertThatThrownBy(() -> InfoHash.parse(BASE32.substring(1) + "\u0131"))
        .hasMessageStartingWith("not a base32 character at position 31");
    assertThatThrownBy(() -> InfoHash.parseUrn("urn:btmh:" + HEX))
        .hasMessage("not a BitTorrent v1 URN (urn:btih:...)");
    assertThatThrownBy(() -> InfoHash.of(new byte[19]))
        .hasMessage("an info-hash is 20 bytes, got 19");
  }

  @Test
  void isTheSha1OfTheInfoBytes() {
    // SHA-1("abc"), FIPS 180 example.
    assertThat(InfoHash.ofInfoBytes("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo(InfoHash.parse("a9993e364706816aba3e25717850c26c9cd0d89d"));
  }
}
