package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackerQueryTest {
  private static final String HASH_ESCAPED = "%01%23Eg%89%AB%CD%EF%01%23Eg%89%AB%CD%EF%01%23Eg";

  @Test
  void percentEncodesEveryByteButTheUnreservedOnes() {
    assertThat(TrackerQuery.encode(new byte[] {0, 'a', 'Z', '9', '-', '.', '_', '~', ' ', '%', -1}))
        .isEqualTo("%00aZ9-._~%20%25%FF");
  }

  @Test
  void writesEveryAnnounceParameter() {
    AnnounceRequest request =
        Samples.request(AnnounceEvent.STARTED)
            .withTrackerId(Optional.of(TrackerId.of(new byte[] {'i', 'd', 1})));
    assertThat(TrackerQuery.announce(TrackerUrl.parse("http://t.example/announce"), request))
        .hasToString(
            "http://t.example/announce?info_hash="
                + HASH_ESCAPED
                + "&peer_id=-EQ0001-abcdefghijkl&port=6881&uploaded=100&downloaded=200&left=300"
                + "&compact=1&event=started&numwant=50&key=0badcafe&trackerid=id%01");
  }

  @Test
  void leavesOutTheEventOfARegularAnnounceAndKeepsAPasskey() {
    assertThat(
            TrackerQuery.announce(
                    TrackerUrl.parse("http://t.example/k3y/announce?passkey=abc"),
                    Samples.request(AnnounceEvent.NONE))
                .toString())
        .startsWith("http://t.example/k3y/announce?passkey=abc&info_hash=" + HASH_ESCAPED)
        .doesNotContain("event=");
  }

  @Test
  void repeatsInfoHashForAScrape() {
    assertThat(
            TrackerQuery.scrape(
                TrackerUrl.parse("http://t.example/announce").scrapeUri().orElseThrow(),
                List.of(Samples.HASH, Samples.HASH)))
        .hasToString(
            "http://t.example/scrape?info_hash=" + HASH_ESCAPED + "&info_hash=" + HASH_ESCAPED);
  }
}
