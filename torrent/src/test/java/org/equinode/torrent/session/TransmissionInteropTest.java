package org.equinode.torrent.session;

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
 * Against Transmission 3.00 (transmission-daemon) on 127.0.0.1 as a seeder: it never connects out
 * to 127/8 peers, so Equinode connects to it. Skipped without transmission-daemon.
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
    Path shared = Swarm.content(dir.resolve("data"), "album", 41, 1_500_000, 700_000);
    Metainfo metainfo = Swarm.torrentOf(shared, 32 * 1024);
    Path torrent = Files.write(dir.resolve("album.torrent"), metainfo.encode());
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("settings.json"), SETTINGS);
    int rpcPort = ExternalPeer.freePort();
    int peerPort = ExternalPeer.freePort();
    String rpc = "127.0.0.1:" + rpcPort;
    try (Swarm swarm = new Swarm(dir);
        ExternalPeer daemon =
            ExternalPeer.start(
                dir,
                "transmission",
                List.of(
                    "/usr/bin/transmission-daemon",
                    "-f",
                    "-g",
                    config.toString(),
                    "-w",
                    dir.resolve("data").toString(),
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
                    String.valueOf(peerPort)))) {
      ExternalPeer.awaitListening(rpcPort, WAIT);
      remote(rpc, "-a", torrent.toString());
      awaitSeeding(rpc);
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(metainfo),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      leecher.addPeer(ExternalPeer.loopback(peerPort));
      try {
        Swarm.awaitComplete(leecher, WAIT);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + daemon.logTail(), e);
      }
    }
    Swarm.assertSameFiles(shared, dir.resolve("down/album"));
  }

  private String remote(String rpc, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/transmission-remote", rpc));
    command.addAll(List.of(args));
    try (ExternalPeer call = ExternalPeer.start(dir, "transmission-remote", command)) {
      return call.awaitOutput(Duration.ofSeconds(10));
    }
  }

  /** Waits until the daemon has checked the files and seeds (100%, Idle or Seeding). */
  private void awaitSeeding(String rpc) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String list = remote(rpc, "-t", "1", "-i");
      if (list.contains("Percent Done: 100%")
          && (list.contains("State: Idle") || list.contains("State: Seeding"))) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Transmission does not seed:\n" + list);
      }
      Thread.sleep(100);
    }
  }
}
