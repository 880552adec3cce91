package org.equinode.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackerUrlTest {
  @Test
  void readsHttpHttpsAndUdp() {
    TrackerUrl http = TrackerUrl.parse("http://tracker.example/announce");
    assertThat(http.kind()).isEqualTo(TrackerUrl.Kind.HTTP);
    assertThat(http.host()).isEqualTo("tracker.example");
    assertThat(http.port()).isEqualTo(80);
    assertThat(TrackerUrl.parse("HTTPS://t.example/announce").port()).isEqualTo(443);
    TrackerUrl udp = TrackerUrl.parse("udp://127.0.0.1:6969/announce");
    assertThat(udp.kind()).isEqualTo(TrackerUrl.Kind.UDP);
    assertThat(udp.port()).isEqualTo(6969);
    assertThat(TrackerUrl.parse("udp://[::1]:6969").host()).isEqualTo("[::1]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://t.example/announce | not a tracker URL 'ftp://t.example/announce': the scheme is not"
            + " http, https or udp",
        "/announce | not a tracker URL '/announce': the scheme is not http, https or udp",
        "http:announce | not a tracker URL 'http:announce': no host",
        "http://t.example/announce#x | not a tracker URL 'http://t.example/announce#x': it has a"
            + " fragment",
        "http://u:p@t.example/a | not a tracker URL 'http://u:p@t.example/a': it has user"
            + " information",
        "udp://t.example/announce | not a tracker URL 'udp://t.example/announce': a udp tracker"
            + " needs a port",
        "udp://t.example:0 | not a tracker URL 'udp://t.example:0': port 0 is outside 1..65535",
        "http://t.example:65536/ | not a tracker URL 'http://t.example:65536/': port 65536 is"
            + " outside 1..65535",
        "http://t example/ | not a tracker URL 'http://t example/': Illegal character in authority",
        "http://under_score.example/announce | not a tracker URL"
            + " 'http://under_score.example/announce': no host",
      })
  void refusesWhatIsNotATracker(String text, String message) {
    assertThatThrownBy(() -> TrackerUrl.parse(text))
        .isInstanceOf(InvalidTrackerUrlException.class)
        .hasMessage(message);
  }

  @Test
  void refusesAnOverlongUrl() {
    assertThatThrownBy(() -> TrackerUrl.parse("http://t.example/" + "a".repeat(2048)))
        .isInstanceOf(InvalidTrackerUrlException.class)
        .hasMessage("tracker URL of 2065 characters, more than 2048");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://example.com/announce | http://example.com/scrape",
        "http://example.com/x/announce | http://example.com/x/scrape",
        "http://example.com/announce.php | http://example.com/scrape.php",
        "http://example.com/announce?x2%0644 | http://example.com/scrape?x2%0644",
        "http://example.com/announce?x=2/4 | http://example.com/scrape?x=2/4",
        "http://announce.example:8080/announce | http://announce.example:8080/scrape",
      })
  void turnsAnnounceIntoScrape(String announce, String scrape) {
    assertThat(TrackerUrl.parse(announce).scrapeUri()).contains(URI.create(scrape));
  }

  @ParameterizedTest
  @CsvSource({
    "http://example.com/a",
    "http://example.com/announce/",
    "http://example.com/x%064announce",
    "http://example.com",
    "udp://example.com:80/announce",
  })
  void hasNoScrapeUrlOtherwise(String announce) {
    assertThat(TrackerUrl.parse(announce).scrapeUri()).isEmpty();
  }
}
