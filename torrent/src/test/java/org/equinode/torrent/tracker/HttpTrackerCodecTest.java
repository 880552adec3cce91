package org.equinode.torrent.tracker;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpTrackerCodecTest {
  /** Bencode's structural characters: inserted mutants reach deeper into the parser. */
  private static final String BENCODE_SYMBOLS = "ile:0123456789-d";

  private static byte[] b(String text) {
    return text.getBytes(ISO_8859_1);
  }

  @Test
  void readsACompactResponseAsOpentrackerWritesIt() {
    AnnounceResponse response =
        HttpTrackerCodec.decodeAnnounce(
            b(
                "d8:completei1e10:downloadedi0e10:incompletei2e8:intervali1866e"
                    + "12:min intervali933e5:peers12:\u007f\0\0\u0001\u001a\u00e1"
                    + "\u007f\0\0\u0001\u001a\u00e2e"));
    assertThat(response.interval()).isEqualTo(Duration.ofSeconds(1866));
    assertThat(response.minInterval()).contains(Duration.ofSeconds(933));
    assertThat(response.seeders()).hasValue(1);
    assertThat(response.leechers()).hasValue(2);
    assertThat(response.peers())
        .containsExactly(Samples.v4(127, 0, 0, 1, 6881), Samples.v4(127, 0, 0, 1, 6882));
    assertThat(response.warning()).isEmpty();
    assertThat(response.trackerId()).isEmpty();
  }

  @Test
  void readsPeers6WarningAndTrackerId() {
    byte[] v6 = new byte[18];
    v6[0] = 0x20;
    v6[1] = 0x01;
    v6[15] = 9;
    v6[16] = 0x1a;
    v6[17] = (byte) 0xe1;
    AnnounceResponse response =
        HttpTrackerCodec.decodeAnnounce(
            b(
                "d8:intervali60e5:peers0:6:peers618:"
                    + new String(v6, ISO_8859_1)
                    + "10:tracker id3:abc15:warning message10:be\tcareful"
                    + "e"));
    assertThat(response.peers()).containsExactly(Samples.v6(9, 6881));
    assertThat(response.trackerId()).contains(TrackerId.of(b("abc")));
    assertThat(response.warning()).contains("be?careful");
  }

  @Test
  void readsDictionaryPeersAndDropsPortZero() {
    AnnounceResponse response =
        HttpTrackerCodec.decodeAnnounce(
            b(
                "d8:intervali60e5:peersl"
                    + "d2:ip9:127.0.0.17:peer id20:aaaaaaaaaaaaaaaaaaaa4:porti6881ee"
                    + "d2:ip7:2001::94:porti7ee"
                    + "d2:ip12:Peer.Example4:porti80ee"
                    + "d2:ip8:10.0.0.14:porti0ee"
                    + "ee"));
    assertThat(response.peers())
        .containsExactly(
            Samples.v4(127, 0, 0, 1, 6881),
            Samples.v6(9, 7),
            new PeerAddress(new PeerHost.Name("peer.example"), 80));
  }

  @Test
  void throwsTheTrackersRefusalMadeSafe() {
    assertThatThrownBy(
            () -> HttpTrackerCodec.decodeAnnounce(b("d14:failure reason12:not\nallowed!e")))
        .isInstanceOfSatisfying(
            TrackerFailureException.class, e -> assertThat(e.reason()).isEqualTo("not?allowed!"))
        .hasMessage("tracker refused: not?allowed!");
    assertThatThrownBy(
            () -> HttpTrackerCodec.decodeScrape(HttpTrackerCodec.encodeFailure("no scrapes")))
        .isInstanceOf(TrackerFailureException.class)
        .hasMessage("tracker refused: no scrapes");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | announce response is not bencoding: unexpected end of input at offset 0",
        "d8:intervali60e5:peers0:ee | announce response is not bencoding: trailing bytes after"
            + " the value (1 more) at offset 25",
        "le | announce response is not a dictionary",
        "d5:peers0:e | no 'interval' in announce response",
        "d8:intervali60ee | no 'peers' in announce response",
        "d8:interval2:60e | 'interval' in announce response is not an integer",
        "d8:intervali-1e5:peers0:e | 'interval' -1 in announce response is outside 0..2147483647",
        "d8:intervali2147483648e5:peers0:e | 'interval' 2147483648 in announce response is"
            + " outside 0..2147483647",
        "d8:intervali1e12:min intervali-5e5:peers0:e | 'min interval' -5 in announce response is"
            + " outside 0..2147483647",
        "d8:completei-1e8:intervali1e5:peers0:e | 'complete' -1 in announce response is outside"
            + " 0..2147483647",
        "d8:intervali1e5:peers5:abcdee | 'peers' of 5 bytes is not a multiple of 6",
        "d8:intervali1e5:peers0:6:peers66:abcdefe | 'peers6' of 6 bytes is not a multiple of 18",
        "d8:intervali1e5:peersi1ee | 'peers' in announce response is neither a string nor a list",
        "d8:intervali1e5:peersli1eee | peer 0 in announce response is not a dictionary",
        "d8:intervali1e5:peersld4:porti1eeee | no 'ip' in peer 0 in announce response",
        "d8:intervali1e5:peersld2:ip1:aeee | no 'port' in peer 0 in announce response",
        "d8:intervali1e5:peersld2:ip1:a4:porti65536eeee | 'port' 65536 of peer 0 in announce"
            + " response is outside 0..65535",
        "d8:intervali1e5:peersld2:ip3:a_b4:porti1eeee | 'ip' of peer 0 in announce response is not"
            + " an address or host name: a_b",
        "d8:intervali1e5:peersld2:ip5:[::1]4:porti1eeee | 'ip' of peer 0 in announce response is"
            + " not an address or host name: [::1]",
        "d14:failure reasoni1ee | 'failure reason' in announce response is not a string",
        "d8:intervali1e5:peers0:10:tracker idi1ee | 'tracker id' in announce response is not a"
            + " string",
      })
  void refusesBrokenAnnounceResponses(String body, String message) {
    assertThatThrownBy(() -> HttpTrackerCodec.decodeAnnounce(b(body)))
        .isInstanceOf(MalformedTrackerResponseException.class)
        .hasMessage(message);
  }

  @Test
  void refusesTooManyPeersBeforeReadingThem() {
    int count = AnnounceResponse.MAX_PEERS + 1;
    String body = "d8:intervali1e5:peers" + 6 * count + ":" + "\u0001".repeat(6 * count) + "e";
    assertThatThrownBy(() -> HttpTrackerCodec.decodeAnnounce(b(body)))
        .isInstanceOf(MalformedTrackerResponseException.class)
        .hasMessage("more than 5000 peers in 'peers'");
  }

  @Test
  void refusesAnOverlongTrackerId() {
    String id = "x".repeat(TrackerId.MAX_LENGTH + 1);
    assertThatThrownBy(
            () ->
                HttpTrackerCodec.decodeAnnounce(
                    b("d8:intervali1e5:peers0:10:tracker id257:" + id + "e")))
        .isInstanceOf(MalformedTrackerResponseException.class)
        .hasMessage("'tracker id' of 257 bytes is longer than 256");
  }

  @Test
  void writesCompactPeersWhenItCanAndDictionariesWhenItMust() {
    AnnounceResponse compact =
        AnnounceResponse.of(
            Duration.ofSeconds(60), List.of(Samples.v4(1, 2, 3, 4, 258), Samples.v6(9, 1)));
    assertThat(new String(HttpTrackerCodec.encodeAnnounce(compact), ISO_8859_1))
        .isEqualTo(
            "d8:intervali60e5:peers6:\u0001\u0002\u0003\u0004\u0001\u0002"
                + "6:peers618: \u0001\0\0\0\0\0\0\0\0\0\0\0\0\0\t\0\u0001e");
    AnnounceResponse named =
        AnnounceResponse.of(
            Duration.ofSeconds(60),
            List.of(Samples.v6(9, 1), new PeerAddress(new PeerHost.Name("p.example"), 2)));
    assertThat(new String(HttpTrackerCodec.encodeAnnounce(named), ISO_8859_1))
        .isEqualTo(
            "d8:intervali60e5:peersld2:ip18:2001:0:0:0:0:0:0:94:porti1eed2:ip9:p.example4:porti2eeee");
  }

  @Test
  void announceResponsesSurviveARoundTrip() {
    RandomGenerator random = SeededRandom.of(0x7a11L);
    for (int i = 0; i < 2_000; i++) {
      AnnounceResponse response = Samples.randomResponse(random);
      assertThat(HttpTrackerCodec.decodeAnnounce(HttpTrackerCodec.encodeAnnounce(response)))
          .as("case %d", i)
          .isEqualTo(response);
    }
  }

  @Test
  void mutatedAnnounceResponsesDecodeToAFixedPointOrFailTyped() {
    RandomGenerator random = SeededRandom.of(0x3e7aL);
    for (int i = 0; i < 5_000; i++) {
      byte[] valid = HttpTrackerCodec.encodeAnnounce(Samples.randomResponse(random));
      byte[] mutated = Mutations.mutate(valid, random, BENCODE_SYMBOLS);
      AnnounceResponse decoded;
      try {
        decoded = HttpTrackerCodec.decodeAnnounce(mutated);
      } catch (TrackerException e) {
        assertThat(e)
            .isInstanceOfAny(
                MalformedTrackerResponseException.class, TrackerFailureException.class);
        continue;
      }
      assertThat(HttpTrackerCodec.decodeAnnounce(HttpTrackerCodec.encodeAnnounce(decoded)))
          .as("case %d", i)
          .isEqualTo(decoded);
    }
  }

  @Test
  void readsAndWritesScrapes() {
    byte[] body =
        b(
            "d5:filesd20:\u0001#Eg\u0089\u00ab\u00cd\u00ef\u0001#Eg\u0089\u00ab\u00cd\u00ef\u0001#Eg"
                + "d8:completei11e10:downloadedi13772e10:incompletei19eeee");
    ScrapeResponse scrape = HttpTrackerCodec.decodeScrape(body);
    assertThat(scrape.files()).isEqualTo(Map.of(Samples.HASH, new ScrapeStats(11, 13772, 19)));
    assertThat(HttpTrackerCodec.encodeScrape(scrape)).isEqualTo(body);
    assertThat(HttpTrackerCodec.decodeScrape(b("d5:filesdee")).files()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "de | no 'files' in scrape response",
        "d5:fileslee | 'files' in scrape response is not a dictionary",
        "d5:filesd3:abcdeee | key 'abc' of 'files' in scrape response is not a 20-byte info-hash",
        "d5:filesd20:aaaaaaaaaaaaaaaaaaaai1eee | torrent 'aaaaaaaaaaaaaaaaaaaa' in scrape response"
            + " is not a dictionary",
        "d5:filesd20:aaaaaaaaaaaaaaaaaaaad10:incompletei1eeee | no 'complete' in torrent"
            + " 'aaaaaaaaaaaaaaaaaaaa' in scrape response",
        "d5:filesd20:aaaaaaaaaaaaaaaaaaaad8:completei1e10:incompletei-1eeee | 'incomplete' -1 in"
            + " torrent 'aaaaaaaaaaaaaaaaaaaa' in scrape response is outside 0..2147483647",
      })
  void refusesBrokenScrapeResponses(String body, String message) {
    assertThatThrownBy(() -> HttpTrackerCodec.decodeScrape(b(body)))
        .isInstanceOf(MalformedTrackerResponseException.class)
        .hasMessage(message);
  }

  @Test
  void mutatedScrapeResponsesDecodeToAFixedPointOrFailTyped() {
    RandomGenerator random = SeededRandom.of(0x5c7aL);
    byte[] valid =
        HttpTrackerCodec.encodeScrape(
            new ScrapeResponse(
                Map.of(
                    Samples.HASH, new ScrapeStats(1, 2, 3),
                    Samples.OTHER_HASH, new ScrapeStats(40, 50, 60))));
    for (int i = 0; i < 5_000; i++) {
      byte[] mutated = Mutations.mutate(valid, random, BENCODE_SYMBOLS);
      ScrapeResponse decoded;
      try {
        decoded = HttpTrackerCodec.decodeScrape(mutated);
      } catch (MalformedTrackerResponseException | TrackerFailureException e) {
        continue;
      }
      assertThat(HttpTrackerCodec.decodeScrape(HttpTrackerCodec.encodeScrape(decoded)))
          .isEqualTo(decoded);
    }
  }

  @Test
  void keepsOptionalFieldsOptional() {
    AnnounceResponse response = HttpTrackerCodec.decodeAnnounce(b("d8:intervali0e5:peers0:e"));
    assertThat(response)
        .isEqualTo(
            new AnnounceResponse(
                Duration.ZERO,
                Optional.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty()));
  }
}
