package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class TrackerTiersTest {
  private static final List<List<String>> URLS =
      List.of(
          List.of("http://a.example/announce", "http://b.example/announce", "udp://c.example:1"),
          List.of("http://backup.example/announce"));

  private static List<String> texts(List<TrackerUrl> urls) {
    return urls.stream().map(TrackerUrl::toString).toList();
  }

  @Test
  void shufflesEachTierOnceAndKeepsTiersInOrder() {
    Set<List<String>> firstTiers = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      TrackerTiers tiers = TrackerTiers.parse(URLS, SeededRandom.of(seed));
      List<List<TrackerUrl>> order = tiers.tiers();
      assertThat(texts(order.get(0)))
          .containsExactlyInAnyOrder(
              "http://a.example/announce", "http://b.example/announce", "udp://c.example:1");
      assertThat(texts(order.get(1))).containsExactly("http://backup.example/announce");
      assertThat(tiers.tiers()).as("asking again does not reshuffle").isEqualTo(order);
      firstTiers.add(texts(order.get(0)));
    }
    assertThat(firstTiers).as("every order of three appears over 40 seeds").hasSize(6);
  }

  @Test
  void theSameSeedGivesTheSameOrder() {
    assertThat(TrackerTiers.parse(URLS, SeededRandom.of(7)).tiers())
        .isEqualTo(TrackerTiers.parse(URLS, SeededRandom.of(7)).tiers());
  }

  @Test
  void movesATrackerThatAnsweredToTheFrontOfItsOwnTier() {
    TrackerTiers tiers = TrackerTiers.parse(URLS, SeededRandom.of(1));
    List<TrackerUrl> first = tiers.tiers().get(0);
    TrackerUrl last = first.get(2);
    tiers.promote(last);
    assertThat(tiers.tiers().get(0)).containsExactly(last, first.get(0), first.get(1));
    TrackerUrl backup = TrackerUrl.parse("http://backup.example/announce");
    tiers.promote(backup);
    assertThat(tiers.inOrder()).containsExactly(last, first.get(0), first.get(1), backup);
    assertThat(tiers.tierOf(backup)).isEqualTo(1);
  }

  @Test
  void leavesOutWhatIsNotATrackerAndRepeatedUrls() {
    TrackerTiers tiers =
        TrackerTiers.parse(
            List.of(
                List.of("wss://t.example/", "http://a.example/announce"),
                List.of("http://a.example/announce"),
                List.of("dht://x")),
            SeededRandom.of(1));
    assertThat(tiers.tiers()).hasSize(1);
    assertThat(tiers.skipped()).containsExactly("wss://t.example/", "dht://x");
    assertThatThrownBy(() -> tiers.promote(TrackerUrl.parse("http://z.example/announce")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
