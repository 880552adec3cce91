package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.magnet.PeerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UdpResponseTest {
  private static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.replace(" ", ""));
  }

  @Test
  void encodesRequestsExactly() {
    assertThat(new UdpRequest.Connect(0x01020304).encode())
        .isEqualTo(hex("0000041727101980 00000000 01020304"));
    assertThat(
            new UdpRequest.Announce(0x1122334455667788L, 7, Samples.request(AnnounceEvent.STOPPED))
                .encode())
        .isEqualTo(
            hex(
                "1122334455667788 00000001 00000007"
                    + " 0123456789abcdef0123456789abcdef01234567"
                    + HexFormat.of().formatHex(Samples.PEER_ID.toByteArray())
                    + " 00000000000000c8 000000000000012c 0000000000000064"
                    + " 00000003 00000000 0badcafe 00000032 1ae1"));
    assertThat(new UdpRequest.Scrape(9, 10, List.of(Samples.HASH)).encode())
        .isEqualTo(
            hex("0000000000000009 00000002 0000000a 0123456789abcdef0123456789abcdef01234567"));
  }

  @Test
  void decodesEachAnswer() {
    assertThat(UdpResponse.decode(hex("00000000 00000007 1122334455667788"), UdpResponse.Family.V4))
        .isEqualTo(new UdpResponse.Connect(7, 0x1122334455667788L));
    assertThat(
            UdpResponse.decode(
                hex("00000001 00000007 00000708 00000002 00000003 7f000001 1ae2"),
                UdpResponse.Family.V4))
        .isEqualTo(
            new UdpResponse.Announce(
                7, 1800, 2, 3, List.of(Samples.v4(127, 0, 0, 1, 6882)), UdpResponse.Family.V4));
    assertThat(
            UdpResponse.decode(
                hex("00000002 00000007 00000001 00000002 00000003"), UdpResponse.Family.V4))
        .isEqualTo(new UdpResponse.Scrape(7, List.of(new ScrapeStats(1, 2, 3))));
    assertThat(UdpResponse.decode(hex("00000003 00000007 6e6f0a"), UdpResponse.Family.V4))
        .isEqualTo(new UdpResponse.Failure(7, "no?"));
  }

  @Test
  void readsEighteenBytePeersOverIpv6() {
    UdpResponse answer =
        UdpResponse.decode(
            hex(
                "00000001 00000007 00000708 00000000 00000000"
                    + " 20010000000000000000000000000009 0007"
                    + " 00000000000000000000ffff0a000001 0050"
                    + " 20010000000000000000000000000009 0000"),
            UdpResponse.Family.V6);
    assertThat(((UdpResponse.Announce) answer).peers())
        .containsExactly(Samples.v6(9, 7), Samples.v4(10, 0, 0, 1, 80));
    assertThat(UdpResponse.decode(answer.encode(), UdpResponse.Family.V6)).isEqualTo(answer);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "000000 | UDP tracker answer of 3 bytes, shorter than 8",
        "00000000 00000007 11223344556677 | UDP connect answer of 15 bytes, not 16",
        "00000000 00000007 1122334455667788 00 | UDP connect answer of 17 bytes, not 16",
        "00000001 00000007 00000708 00000002 | UDP announce answer of 16 bytes, shorter than 20",
        "00000001 00000007 | UDP announce answer of 8 bytes, shorter than 20 (a refusal without a"
            + " reason)",
        "00000001 00000007 ffffffff 00000002 00000003 | negative interval -1 in a UDP tracker"
            + " answer",
        "00000001 00000007 00000708 80000000 00000003 | negative leechers -2147483648 in a UDP"
            + " tracker answer",
        "00000001 00000007 00000708 00000002 00000003 7f00000100 | UDP announce peers of 5 bytes is"
            + " not a multiple of 6",
        "00000002 00000007 00000001 00000002 | UDP scrape answer of 16 bytes is not 8 plus a"
            + " multiple of 12",
        "00000002 00000007 00000001 fffffffe 00000003 | negative completed -2 in a UDP tracker"
            + " answer",
        "00000004 00000007 | unknown UDP tracker action 4",
      })
  void refusesBrokenAnswers(String packet, String message) {
    assertThatThrownBy(() -> UdpResponse.decode(hex(packet), UdpResponse.Family.V4))
        .isInstanceOf(MalformedTrackerResponseException.class)
        .hasMessage(message);
  }

  @Test
  void refusesAnOversizeAnswerBeforeReadingIt() {
    assertThatThrownBy(
            () -> UdpResponse.decode(new byte[UdpResponse.MAX_LENGTH + 1], UdpResponse.Family.V4))
        .isInstanceOf(MalformedTrackerResponseException.class)
        .hasMessage("UDP tracker answer of 8193 bytes, more than 8192");
  }

  static UdpResponse randomAnswer(RandomGenerator random) {
    int tid = random.nextInt();
    return switch (random.nextInt(4)) {
      case 0 -> new UdpResponse.Connect(tid, random.nextLong());
      case 1 -> {
        UdpResponse.Family family =
            random.nextBoolean() ? UdpResponse.Family.V4 : UdpResponse.Family.V6;
        List<PeerAddress> peers = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          peers.add(
              family == UdpResponse.Family.V4 || random.nextBoolean()
                  ? Samples.v4(random.nextInt(256), 1, 2, 3, 1 + random.nextInt(65_535))
                  : Samples.v6(random.nextInt(256), 1 + random.nextInt(65_535)));
        }
        yield new UdpResponse.Announce(
            tid, random.nextInt(5000), random.nextInt(100), random.nextInt(100), peers, family);
      }
      case 2 -> {
        List<ScrapeStats> stats = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          stats.add(new ScrapeStats(random.nextInt(9), random.nextInt(9), random.nextInt(9)));
        }
        yield new UdpResponse.Scrape(tid, stats);
      }
      default -> new UdpResponse.Failure(tid, "error " + random.nextInt());
    };
  }

  private static UdpResponse.Family familyOf(UdpResponse answer) {
    return answer instanceof UdpResponse.Announce a ? a.family() : UdpResponse.Family.V4;
  }

  @Test
  void answersSurviveARoundTripByteForByte() {
    RandomGenerator random = SeededRandom.of(0x0dd5L);
    for (int i = 0; i < 2_000; i++) {
      UdpResponse answer = randomAnswer(random);
      byte[] bytes = answer.encode();
      UdpResponse decoded = UdpResponse.decode(bytes, familyOf(answer));
      assertThat(decoded).as("case %d", i).isEqualTo(answer);
      assertThat(decoded.encode()).isEqualTo(bytes);
    }
  }

  @Test
  void mutatedAnswersDecodeToAFixedPointOrFailTyped() {
    RandomGenerator random = SeededRandom.of(0xbadL);
    for (int i = 0; i < 5_000; i++) {
      UdpResponse answer = randomAnswer(random);
      UdpResponse.Family family = familyOf(answer);
      byte[] mutated = Mutations.mutate(answer.encode(), random);
      UdpResponse decoded;
      try {
        decoded = UdpResponse.decode(mutated, family);
      } catch (MalformedTrackerResponseException e) {
        continue;
      }
      assertThat(UdpResponse.decode(decoded.encode(), family)).as("case %d", i).isEqualTo(decoded);
    }
  }
}
