package org.equinode.torrent.tracker;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.equinode.common.TimeSource;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Announces and scrapes against a real opentracker (Debian package) on 127.0.0.1, over HTTP and
 * UDP. Skipped when opentracker is not installed. The tracker runs in whitelist mode, so the
 * whitelist is written first and reloaded with SIGHUP; as root it must drop to {@code nobody} and
 * chroots to its directory, so the whitelist path is relative. The process is stopped by its PID
 * after the tests, whatever happened.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OpentrackerInteropTest {
  private static final InfoHash HTTP_SWARM = hash('1');
  private static final InfoHash UDP_SWARM = hash('2');
  private static final InfoHash STOP_SWARM = hash('3');
  private static final InfoHash SCHEDULER_SWARM = hash('4');
  private static final InfoHash LATE_SWARM = hash('5');
  private static final String NOT_AUTHORIZED =
      "Requested download is not authorized for use with this tracker.";

  @TempDir static Path dir;

  private static Process tracker;
  private static String httpUrl;
  private static String udpUrl;

  private static InfoHash hash(char c) {
    return InfoHash.parse(String.valueOf(c).repeat(40));
  }

  private static Optional<Path> opentracker() {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
      Path candidate = Path.of(entry.isEmpty() ? "." : entry, "opentracker");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @BeforeAll
  static void startOpentracker() throws IOException, InterruptedException {
    Optional<Path> binary = opentracker();
    Assumptions.assumeTrue(
        binary.isPresent(),
        "opentracker is not installed (apt-get install -y opentracker); interop test skipped");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path whitelist = dir.resolve("whitelist.txt");
    Files.writeString(
        whitelist,
        String.join(
                "\n",
                List.of(HTTP_SWARM.hex(), UDP_SWARM.hex(), STOP_SWARM.hex(), SCHEDULER_SWARM.hex()))
            + "\n",
        US_ASCII);
    Files.setPosixFilePermissions(whitelist, PosixFilePermissions.fromString("rw-r--r--"));
    int tcpPort = freeTcpPort();
    int udpPort = freeUdpPort();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                binary.get().toString(),
                "-i",
                "127.0.0.1",
                "-p",
                Integer.toString(tcpPort),
                "-P",
                Integer.toString(udpPort),
                "-w",
                "whitelist.txt",
                "-d",
                dir.toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "nobody")); // opentracker refuses to keep running as root
    }
    tracker =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("opentracker.log").toFile())
            .start();
    httpUrl = "http://127.0.0.1:" + tcpPort + "/announce";
    udpUrl = "udp://127.0.0.1:" + udpPort + "/announce";
    awaitListening(tcpPort);
  }

  @AfterAll
  static void stopOpentracker() throws InterruptedException {
    if (tracker == null) {
      return;
    }
    ProcessHandle handle = tracker.toHandle();
    handle.destroy();
    if (!tracker.waitFor(5, TimeUnit.SECONDS)) {
      handle.destroyForcibly();
      tracker.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static void awaitListening(int port) throws IOException, InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (!tracker.isAlive()) {
        fail("opentracker exited: " + Files.readString(dir.resolve("opentracker.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    fail("opentracker did not listen: " + Files.readString(dir.resolve("opentracker.log")));
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket s =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return s.getLocalPort();
    }
  }

  private static PeerId peerId(char c) {
    return PeerId.of(("-EQ0001-" + String.valueOf(c).repeat(12)).getBytes(US_ASCII));
  }

  private static AnnounceRequest announce(
      InfoHash hash, char who, int port, long left, AnnounceEvent event) {
    return new AnnounceRequest(
        hash, peerId(who), port, 0, 0, left, event, 50, who, Optional.empty());
  }

  private static TrackerClient http() {
    return HttpTrackerClient.open(TrackerUrl.parse(httpUrl), Duration.ofSeconds(5));
  }

  private static TrackerClient udp() {
    return new UdpTrackerClient(
        TrackerUrl.parse(udpUrl),
        TimeSource.system(),
        SeededRandom.of(9),
        new UdpTrackerClient.Settings(
            Duration.ofSeconds(1), 2, Optional.of(InetAddress.getLoopbackAddress())));
  }

  private static PeerAddress local(int port) {
    return PeerAddress.parse("127.0.0.1:" + port);
  }

  private static void twoAnnouncersSeeEachOther(TrackerClient client, InfoHash swarm) {
    client.announce(announce(swarm, 'a', 7001, 100, AnnounceEvent.STARTED));
    AnnounceResponse second = client.announce(announce(swarm, 'b', 7002, 0, AnnounceEvent.STARTED));
    assertThat(second.peers()).contains(local(7001));
    assertThat(second.seeders()).hasValue(1);
    assertThat(second.leechers()).hasValue(1);
    AnnounceResponse first = client.announce(announce(swarm, 'a', 7001, 100, AnnounceEvent.NONE));
    assertThat(first.peers()).contains(local(7002));
    assertThat(first.interval()).isPositive();
    ScrapeStats stats = client.scrape(List.of(swarm)).stats(swarm).orElseThrow();
    assertThat(stats.seeders()).isEqualTo(1);
    assertThat(stats.leechers()).isEqualTo(1);
  }

  @Test
  void httpAnnouncersSeeEachOtherAndScrapeCountsThem() {
    try (TrackerClient client = http()) {
      twoAnnouncersSeeEachOther(client, HTTP_SWARM);
    }
  }

  @Test
  void udpAnnouncersSeeEachOtherAndScrapeCountsThem() {
    try (TrackerClient client = udp()) {
      twoAnnouncersSeeEachOther(client, UDP_SWARM);
    }
  }

  @Test
  void aStoppedPeerLeavesTheSwarm() {
    try (TrackerClient client = http()) {
      client.announce(announce(STOP_SWARM, 'a', 7101, 100, AnnounceEvent.STARTED));
      client.announce(announce(STOP_SWARM, 'b', 7102, 100, AnnounceEvent.STARTED));
      client.announce(announce(STOP_SWARM, 'a', 7101, 100, AnnounceEvent.STOPPED));
      AnnounceResponse b =
          client.announce(announce(STOP_SWARM, 'b', 7102, 100, AnnounceEvent.NONE));
      assertThat(b.peers()).doesNotContain(local(7101));
      assertThat(b.leechers()).hasValue(1);
    }
  }

  @Test
  void refusesATorrentOffTheWhitelistUntilItIsAddedAndReloaded()
      throws IOException, InterruptedException {
    try (TrackerClient http = http();
        TrackerClient udp = udp()) {
      AnnounceRequest late = announce(LATE_SWARM, 'a', 7201, 100, AnnounceEvent.STARTED);
      assertThatThrownBy(() -> http.announce(late))
          .isInstanceOfSatisfying(
              TrackerFailureException.class, e -> assertThat(e.reason()).isEqualTo(NOT_AUTHORIZED));
      // Over UDP opentracker sends the 8-byte header alone, not an error packet.
      assertThatThrownBy(() -> udp.announce(late))
          .isInstanceOf(MalformedTrackerResponseException.class)
          .hasMessage(
              udpUrl
                  + ": UDP announce answer of 8 bytes, shorter than 20 (a refusal without a reason)");

      Files.writeString(
          dir.resolve("whitelist.txt"),
          LATE_SWARM.hex() + "\n",
          US_ASCII,
          StandardOpenOption.APPEND);
      Process hup =
          new ProcessBuilder("kill", "-HUP", Long.toString(tracker.pid())).inheritIO().start();
      assertThat(hup.waitFor(5, TimeUnit.SECONDS) && hup.exitValue() == 0).isTrue();
      for (int i = 0; ; i++) {
        try {
          assertThat(http.announce(late).peers()).contains(local(7201));
          break;
        } catch (TrackerFailureException e) {
          if (i == 50) {
            throw e;
          }
          Thread.sleep(100); // the whitelist is reloaded in the background
        }
      }
    }
  }

  @Test
  void theSchedulerAnnouncesOverUdpAndStopsOnShutdown() {
    List<TrackerEvent> events = new CopyOnWriteArrayList<>();
    try (NetworkTrackerConnector connector =
            new NetworkTrackerConnector(
                TimeSource.system(),
                SeededRandom.of(11),
                Duration.ofSeconds(5),
                new UdpTrackerClient.Settings(
                    Duration.ofSeconds(1), 2, Optional.of(InetAddress.getLoopbackAddress())));
        TrackerClient observer = http()) {
      AnnounceScheduler scheduler =
          new AnnounceScheduler(
              new AnnounceTarget(SCHEDULER_SWARM, peerId('s'), 7301, 42),
              TrackerTiers.parse(List.of(List.of(udpUrl), List.of(httpUrl)), SeededRandom.of(1)),
              connector,
              () -> new TransferTotals(0, 0, 0),
              TimeSource.system(),
              Runnable::run,
              events::add,
              AnnounceScheduler.Settings.DEFAULT);
      scheduler.tick();
      assertThat(events)
          .singleElement()
          .isInstanceOfSatisfying(
              TrackerEvent.Announced.class,
              e -> {
                assertThat(e.tracker().kind()).isEqualTo(TrackerUrl.Kind.UDP);
                assertThat(e.event()).isEqualTo(AnnounceEvent.STARTED);
              });
      ScrapeStats before =
          observer.scrape(List.of(SCHEDULER_SWARM)).stats(SCHEDULER_SWARM).orElseThrow();
      assertThat(before.seeders()).isEqualTo(1);
      scheduler.shutdown(Duration.ofSeconds(5));
      assertThat(events.getLast()).isInstanceOf(TrackerEvent.Announced.class);
      ScrapeStats after =
          observer.scrape(List.of(SCHEDULER_SWARM)).stats(SCHEDULER_SWARM).orElseThrow();
      assertThat(after.seeders()).isZero();
    }
  }
}
