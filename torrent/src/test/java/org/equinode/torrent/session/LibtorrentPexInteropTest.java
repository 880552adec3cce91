package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * libtorrent learns of an Equinode peer through Equinode's peer exchange: libtorrent is given only
 * A's address and takes no incoming connections, so its connection to B is one it made after A
 * named B in a {@code ut_pex} message. Skipped without {@code python3-libtorrent}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibtorrentPexInteropTest {
  private static final String SCRIPT = "/org/equinode/torrent/interop/lt_pex.py";
  private static final Duration WAIT = Duration.ofSeconds(25);

  @TempDir Path dir;

  @Test
  void libtorrentCallsAPeerItHeardOfFromEquinode() throws Exception {
    assumeTrue(ExternalPeer.libtorrentInstalled(), "python3-libtorrent is not installed: skipped");
    Path content = LoopbackSwarm.content(dir.resolve("nobody"), "pex.bin", 6, 200_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(content, 16 * 1024);
    Path torrent = Files.write(dir.resolve("pex.torrent"), metainfo.encode());
    Path script = dir.resolve("lt_pex.py");
    try (InputStream in = LibtorrentPexInteropTest.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IOException("no " + SCRIPT + " on the class path");
      }
      Files.write(script, in.readAllBytes());
    }
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSession a = leecher(swarm, metainfo, "a");
      TorrentSession b = leecher(swarm, metainfo, "b");
      b.addPeer(a.listenAddress().orElseThrow());
      int aPort = a.listenAddress().orElseThrow().getPort();
      int bPort = b.listenAddress().orElseThrow().getPort();
      Files.createDirectories(dir.resolve("lt"));
      try (ExternalPeer lt =
          ExternalPeer.start(
              dir,
              "libtorrent",
              List.of(
                  ExternalPeer.PYTHON,
                  script.toString(),
                  torrent.toString(),
                  dir.resolve("lt").toString(),
                  "127.0.0.1:" + aPort))) {
        lt.awaitLine("started", WAIT);
        assertThat(lt.awaitLine("peer 127.0.0.1:" + bPort + " ", WAIT)).isEqualTo("pex");
      }
    }
  }

  private TorrentSession leecher(LoopbackSwarm swarm, Metainfo metainfo, String name) {
    return swarm.leech(
        TorrentSource.of(metainfo),
        dir.resolve("down-" + name),
        dir.resolve("state-" + name),
        LoopbackSwarm.listening());
  }
}
