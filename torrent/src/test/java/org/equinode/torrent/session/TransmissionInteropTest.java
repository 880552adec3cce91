package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against Transmission 3.00 (transmission-daemon) on 127.0.0.1, as a seeder and as a leecher. It
 * never connects out to 127/8 peers, so Equinode connects to it either way; it unchokes a new peer
 * at its next rechoke only (every 10 s), which makes these the slowest interop tests. Skipped
 * without transmission-daemon.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransmissionInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(40);

  private static final String SETTINGS =
      """
      {"dht-enabled": false, "pex-enabled": false, "lpd-enabled": false, "utp-enabled": false,
       "port-forwarding-enabled": false, "rpc-authentication-required": false,
       "rpc-whitelist-enabled": false, "ratio-limit-enabled": false,
       "idle-seeding-limit-enabled": false, "start-added-torrents": true}
      """;

  @TempDir Path dir;

  @BeforeAll
  static void needsTransmission() {
    assumeTrue(
        ExternalPeer.installed("transmission-daemon")
            && ExternalPeer.installed("transmission-remote"),
        "transmission-daemon or transmission-remote is not installed"
            + " (apt-get install transmission-daemon transmission-cli):"
            + " Transmission interop tests skipped");
  }

  @Test
  void equinodeDownloadsFromATransmissionSeeder() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("data"), "album", 41, 1_500_000, 700_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 32 * 1024);
    Path torrent = Files.write(dir.resolve("album.torrent"), metainfo.encode());
    int rpcPort = ExternalPeer.freePort();
    int peerPort = ExternalPeer.freePort();
    String rpc = "127.0.0.1:" + rpcPort;
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        ExternalPeer daemon = daemon(dir.resolve("data"), rpcPort, peerPort)) {
      ExternalPeer.awaitListening(rpcPort, WAIT);
      remote(rpc, "-a", torrent.toString());
      awaitPercentDone(rpc, "100%");
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(metainfo),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      leecher.addPeer(ExternalPeer.loopback(peerPort));
      try {
        LoopbackSwarm.awaitComplete(leecher, WAIT);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + daemon.logTail(), e);
      }
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("down/album"));
  }

  @Test
  void transmissionDownloadsFromAnEquinodeSeederThatCallsIt() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "talk.bin", 42, 2_000_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 64 * 1024);
    Path torrent = Files.write(dir.resolve("talk.torrent"), metainfo.encode());
    int rpcPort = ExternalPeer.freePort();
    int peerPort = ExternalPeer.freePort();
    String rpc = "127.0.0.1:" + rpcPort;
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        ExternalPeer daemon =
            daemon(Files.createDirectories(dir.resolve("transmission")), rpcPort, peerPort)) {
      ExternalPeer.awaitListening(rpcPort, WAIT);
      remote(rpc, "-a", torrent.toString());
      TorrentSession seeder = swarm.seed(metainfo, dir.resolve("seed"), LoopbackSwarm.listening());
      seeder.addPeer(ExternalPeer.loopback(peerPort));
      try {
        awaitPercentDone(rpc, "100%");
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + seeder.status() + daemon.logTail(), e);
      }
      assertThat(seeder.status().uploaded()).isGreaterThanOrEqualTo(2_000_000);
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("transmission/talk.bin"));
  }

  /** transmission-daemon in the foreground, loopback only, no DHT, PEX, LPD, uTP or port maps. */
  private ExternalPeer daemon(Path data, int rpcPort, int peerPort) throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("settings.json"), SETTINGS);
    return ExternalPeer.start(
        dir,
        "transmission",
        List.of(
            "/usr/bin/transmission-daemon",
            "-f",
            "-g",
            config.toString(),
            "-w",
            data.toString(),
            "-O",
            "-Y",
            "-M",
            "--no-utp",
            "-i",
            "127.0.0.1",
            "-r",
            "127.0.0.1",
            "-p",
            String.valueOf(rpcPort),
            "-T",
            "-P",
            String.valueOf(peerPort)));
  }

  private String remote(String rpc, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/transmission-remote", rpc));
    command.addAll(List.of(args));
    try (ExternalPeer call = ExternalPeer.start(dir, "transmission-remote", command)) {
      return call.awaitOutput(Duration.ofSeconds(10));
    }
  }

  /** Waits until the daemon's torrent is {@code percent} done (checked or downloaded). */
  private void awaitPercentDone(String rpc, String percent) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String info = remote(rpc, "-t", "1", "-i");
      if (info.contains("Percent Done: " + percent)
          && (info.contains("State: Idle") || info.contains("State: Seeding"))) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Transmission is not " + percent + " done:\n" + info);
      }
      Thread.sleep(100);
    }
  }
}
