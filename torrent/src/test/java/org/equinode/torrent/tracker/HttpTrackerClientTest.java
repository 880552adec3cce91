package org.equinode.torrent.tracker;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equinode.torrent.tracker.FakeHttpTracker.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTrackerClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private FakeHttpTracker tracker;

  private HttpTrackerClient client(String path, Duration timeout) {
    return HttpTrackerClient.open(TrackerUrl.parse(tracker.url(path)), timeout);
  }

  @BeforeEach
  void startTracker() throws IOException {
    tracker = FakeHttpTracker.start(q -> Reply.status(500));
  }

  @AfterEach
  void stopTracker() {
    tracker.close();
  }

  private static byte[] ok() {
    return HttpTrackerCodec.encodeAnnounce(
        AnnounceResponse.of(Duration.ofMinutes(30), List.of(Samples.v4(127, 0, 0, 1, 6882))));
  }

  @Test
  void announcesEveryParameterAndReadsTheAnswer() throws IOException {
    tracker.answer(q -> Reply.ok(ok()));
    try (HttpTrackerClient client = client("/announce", TIMEOUT)) {
      AnnounceResponse response =
          client.announce(
              Samples.request(AnnounceEvent.STARTED)
                  .withTrackerId(Optional.of(TrackerId.of(new byte[] {0, 'x'}))));
      assertThat(response.interval()).isEqualTo(Duration.ofMinutes(30));
      assertThat(response.peers()).containsExactly(Samples.v4(127, 0, 0, 1, 6882));
    }
    assertThat(tracker.problems()).isEmpty();
    FakeHttpTracker.Query q = tracker.requests().getFirst();
    assertThat(q.path()).isEqualTo("/announce");
    assertThat(q.one("info_hash")).isEqualTo(Samples.HASH.toByteArray());
    assertThat(q.one("peer_id")).isEqualTo(Samples.PEER_ID.toByteArray());
    assertThat(q.text("port")).isEqualTo("6881");
    assertThat(q.text("uploaded")).isEqualTo("100");
    assertThat(q.text("downloaded")).isEqualTo("200");
    assertThat(q.text("left")).isEqualTo("300");
    assertThat(q.text("event")).isEqualTo("started");
    assertThat(q.text("numwant")).isEqualTo("50");
    assertThat(q.text("key")).isEqualTo("0badcafe");
    assertThat(q.one("trackerid")).isEqualTo(new byte[] {0, 'x'});
  }

  @Test
  void sendsEachEventByNameAndNoneForARegularAnnounce() throws IOException {
    tracker.answer(q -> Reply.ok(ok()));
    try (HttpTrackerClient client = client("/announce", TIMEOUT)) {
      for (AnnounceEvent event : AnnounceEvent.values()) {
        client.announce(Samples.request(event));
      }
    }
    assertThat(tracker.requests())
        .extracting(q -> q.has("event") ? q.text("event") : "-")
        .containsExactly("-", "completed", "started", "stopped");
  }

  @Test
  void keepsThePasskeyOfAPrivateTracker() throws IOException {
    tracker.answer(q -> Reply.ok(ok()));
    try (HttpTrackerClient client = client("/announce?passkey=s3cret", TIMEOUT)) {
      client.announce(Samples.request(AnnounceEvent.NONE));
    }
    assertThat(tracker.requests().getFirst().text("passkey")).isEqualTo("s3cret");
  }

  @Test
  void reportsTheTrackersRefusal() throws IOException {
    tracker.answer(q -> Reply.ok(HttpTrackerCodec.encodeFailure("unregistered")));
    try (HttpTrackerClient client = client("/announce", TIMEOUT)) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.STARTED)))
          .isInstanceOfSatisfying(
              TrackerFailureException.class, e -> assertThat(e.reason()).isEqualTo("unregistered"))
          .hasMessage(tracker.url("/announce") + " refused: unregistered");
    }
  }

  @Test
  void refusesABodyThatIsNotAnAnnounceResponse() throws IOException {
    tracker.answer(q -> Reply.ok("<html>".getBytes(ISO_8859_1)));
    try (HttpTrackerClient client = client("/announce", TIMEOUT)) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(MalformedTrackerResponseException.class)
          .hasMessage(
              tracker.url("/announce")
                  + ": announce response is not bencoding: unexpected byte 0x3c ('<') where a"
                  + " value starts at offset 0");
    }
  }

  @Test
  void refusesAnOversizeBodyByItsContentLength() throws IOException {
    byte[] huge = new byte[HttpTrackerClient.MAX_RESPONSE_BYTES + 1];
    Arrays.fill(huge, (byte) 'x');
    tracker.answer(q -> Reply.ok(huge));
    try (HttpTrackerClient client = client("/announce", TIMEOUT)) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(MalformedTrackerResponseException.class)
          .hasMessage(
              tracker.url("/announce")
                  + " sent too much: Content-Length 1048577 is larger than 1048576 bytes");
    }
  }

  @Test
  void refusesAnOversizeChunkedBodyOnceItPassesTheLimit() throws IOException {
    byte[] huge = new byte[4 * HttpTrackerClient.MAX_RESPONSE_BYTES];
    tracker.answer(q -> Reply.chunked(huge));
    try (HttpTrackerClient client = client("/announce", TIMEOUT)) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(MalformedTrackerResponseException.class)
          .hasMessage(
              tracker.url("/announce") + " sent too much: body is larger than 1048576 bytes");
    }
  }

  @Test
  void givesUpOnATrackerThatDoesNotAnswer() throws IOException {
    tracker.answer(q -> Reply.stall());
    try (HttpTrackerClient client = client("/announce", Duration.ofMillis(300))) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(TrackerUnreachableException.class)
          .hasMessage(tracker.url("/announce") + " did not answer within PT0.3S");
    }
  }

  @Test
  void followsARedirect() throws IOException {
    tracker =
        FakeHttpTracker.start(
            q ->
                q.path().equals("/old/announce")
                    ? Reply.redirect("/new/announce?" + q.rawQuery())
                    : Reply.ok(ok()));
    try (HttpTrackerClient client = client("/old/announce", TIMEOUT)) {
      assertThat(client.announce(Samples.request(AnnounceEvent.NONE)).peers()).hasSize(1);
    }
    assertThat(tracker.requests())
        .extracting(FakeHttpTracker.Query::path)
        .containsExactly("/old/announce", "/new/announce");
  }

  @Test
  void stopsFollowingRedirectsAfterTheLimit() throws IOException {
    tracker.answer(q -> Reply.redirect("/announce?" + q.rawQuery()));
    try (HttpTrackerClient client = client("/announce", TIMEOUT)) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(TrackerUnreachableException.class)
          .hasMessage(tracker.url("/announce") + " redirected more than 5 times");
    }
    assertThat(tracker.requests()).hasSize(HttpTrackerClient.MAX_REDIRECTS + 1);
  }

  @Test
  void refusesARedirectToAnotherScheme() throws IOException {
    tracker.answer(q -> Reply.redirect("file:///etc/passwd"));
    try (HttpTrackerClient client = client("/announce", TIMEOUT)) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(TrackerUnreachableException.class)
          .hasMessage(
              tracker.url("/announce")
                  + " redirected to 'file:///etc/passwd', which is not an HTTP URL");
    }
  }

  @Test
  void reportsAnHttpErrorStatus() throws IOException {
    tracker.answer(q -> Reply.status(404));
    try (HttpTrackerClient client = client("/announce", TIMEOUT)) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(TrackerUnreachableException.class)
          .hasMessage(tracker.url("/announce") + " answered with HTTP status 404");
    }
  }

  @Test
  void reportsARefusedConnection() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/announce";
    try (HttpTrackerClient client = HttpTrackerClient.open(TrackerUrl.parse(url), TIMEOUT)) {
      assertThatThrownBy(() -> client.announce(Samples.request(AnnounceEvent.NONE)))
          .isInstanceOf(TrackerUnreachableException.class)
          .hasMessageStartingWith(url + " could not be reached: ConnectException");
    }
  }

  @Test
  void scrapesAtTheScrapeUrl() throws IOException {
    byte[] body =
        HttpTrackerCodec.encodeScrape(
            new ScrapeResponse(Map.of(Samples.HASH, new ScrapeStats(3, 7, 5))));
    tracker.answer(q -> Reply.ok(body));
    try (HttpTrackerClient client = client("/x/announce.php", TIMEOUT)) {
      ScrapeResponse scrape = client.scrape(List.of(Samples.HASH, Samples.OTHER_HASH));
      assertThat(scrape.stats(Samples.HASH)).contains(new ScrapeStats(3, 7, 5));
      assertThat(scrape.stats(Samples.OTHER_HASH)).isEmpty();
    }
    FakeHttpTracker.Query q = tracker.requests().getFirst();
    assertThat(q.path()).isEqualTo("/x/scrape.php");
    assertThat(q.values().get("info_hash"))
        .containsExactly(Samples.HASH.toByteArray(), Samples.OTHER_HASH.toByteArray());
  }

  @Test
  void cannotScrapeATrackerWithoutAScrapeUrl() throws IOException {
    tracker.answer(q -> Reply.ok(ok()));
    try (HttpTrackerClient client = client("/tracker", TIMEOUT)) {
      assertThatThrownBy(() -> client.scrape(List.of(Samples.HASH)))
          .isInstanceOf(InvalidTrackerUrlException.class)
          .hasMessage(
              tracker.url("/tracker")
                  + " has no scrape URL: its last path segment is not 'announce...'");
    }
    assertThat(tracker.requests()).isEmpty();
  }
}
