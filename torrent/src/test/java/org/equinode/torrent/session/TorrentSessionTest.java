package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Equinode to Equinode on 127.0.0.1, two or three sessions in one JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TorrentSessionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void downloadsAMultiFileTorrentFromASeeder() throws Exception {
    Path shared =
        LoopbackSwarm.content(dir.resolve("seed"), "album", 1, 300_000, 1_000_000, 0, 77_777);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 32 * 1024);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      TorrentSession seeder = swarm.seed(metainfo, dir.resolve("seed"), LoopbackSwarm.listening());
      assertThat(seeder.whenComplete()).isCompleted();
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(metainfo),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS);
      leecher.addPeer(seeder.listenAddress().orElseThrow());
      LoopbackSwarm.awaitComplete(leecher, WAIT);
      TorrentStatus status = leecher.status();
      assertThat(status.state()).isEqualTo(TorrentStatus.State.SEEDING);
      assertThat(status.doneBytes()).isEqualTo(metainfo.info().totalLength());
      assertThat(status.downloaded()).isGreaterThanOrEqualTo(metainfo.info().totalLength());
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("down/album"));
  }

  @Test
  void fetchesTheMetadataOfAMagnetLinkFromAPeerInTheClear() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "one.bin", 2, 700_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 16 * 1024);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      SessionSettings plain = LoopbackSwarm.listening().withEncryption(EncryptionPolicy.PLAINTEXT);
      TorrentSession seeder = swarm.seed(metainfo, dir.resolve("seed"), plain);
      MagnetLink magnet =
          MagnetLink.parse(
              MagnetLink.of(metainfo.infoHash()).toUri()
                  + "&x.pe="
                  + new PeerAddress(
                      new PeerHost.Ip(seeder.listenAddress().orElseThrow().getAddress()),
                      seeder.listenAddress().orElseThrow().getPort()));
      TorrentSession leecher =
          swarm.leech(
              TorrentSource.of(magnet),
              dir.resolve("down"),
              dir.resolve("state"),
              SessionSettings.DEFAULTS.withEncryption(EncryptionPolicy.PLAINTEXT));
      LoopbackSwarm.awaitComplete(leecher, WAIT);
      assertThat(leecher.metadata()).contains(metainfo.info());
      assertThat(StateFolder.under(dir.resolve("state"), metainfo.infoHash()).loadMetadata())
          .contains(metainfo.info());
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("down/one.bin"));
  }

  @Test
  void aLeecherUploadsToAnotherOverEncryptedConnections() throws Exception {
    Path shared = LoopbackSwarm.content(dir.resolve("seed"), "two.bin", 3, 1_500_000);
    Metainfo metainfo = LoopbackSwarm.torrentOf(shared, 64 * 1024);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir)) {
      SessionSettings rc4 = LoopbackSwarm.listening().withEncryption(EncryptionPolicy.REQUIRED);
      TorrentSession seeder = swarm.seed(metainfo, dir.resolve("seed"), rc4);
      TorrentSession first =
          swarm.leech(TorrentSource.of(metainfo), dir.resolve("a"), dir.resolve("sa"), rc4);
      first.addPeer(seeder.listenAddress().orElseThrow());
      LoopbackSwarm.awaitComplete(first, WAIT);
      seeder.close();
      TorrentSession second =
          swarm.leech(TorrentSource.of(metainfo), dir.resolve("b"), dir.resolve("sb"), rc4);
      second.addPeer(first.listenAddress().orElseThrow());
      LoopbackSwarm.awaitComplete(second, WAIT);
      assertThat(first.status().uploaded()).isGreaterThanOrEqualTo(1_500_000);
    }
    LoopbackSwarm.assertSameFiles(shared, dir.resolve("b/two.bin"));
  }

  @Test
  void oneEngineSeedsTwoTorrentsOnOnePortToPlainAndEncryptedLeechers() throws Exception {
    Path first = LoopbackSwarm.content(dir.resolve("seed"), "first.bin", 7, 600_000);
    Path second = LoopbackSwarm.content(dir.resolve("seed"), "second", 8, 300_000, 200_000);
    Metainfo one = LoopbackSwarm.torrentOf(first, 16 * 1024);
    Metainfo two = LoopbackSwarm.torrentOf(second, 32 * 1024);
    try (LoopbackSwarm swarm = new LoopbackSwarm(dir);
        TorrentEngine engine =
            TorrentEngine.start(LoopbackSwarm.listening(), swarm.environment())) {
      for (Metainfo metainfo : java.util.List.of(one, two)) {
        engine.add(
            TorrentSource.of(metainfo),
            StorageOpener.sharing(
                dir.resolve("seed"),
                StateFolder.under(dir.resolve("engine"), metainfo.infoHash()),
                SessionSettings.DEFAULTS.storage(),
                swarm.environment().pool(),
                org.equinode.common.TimeSource.system()));
      }
      assertThat(engine.torrents()).hasSize(2);
      java.net.InetSocketAddress port = engine.listenAddress().orElseThrow();
      TorrentSession plain =
          swarm.leech(
              TorrentSource.of(one),
              dir.resolve("down"),
              dir.resolve("s1"),
              SessionSettings.DEFAULTS.withEncryption(EncryptionPolicy.PLAINTEXT));
      TorrentSession encrypted =
          swarm.leech(
              TorrentSource.of(two),
              dir.resolve("down"),
              dir.resolve("s2"),
              SessionSettings.DEFAULTS.withEncryption(EncryptionPolicy.REQUIRED));
      plain.addPeer(port);
      encrypted.addPeer(port);
      LoopbackSwarm.awaitComplete(plain, WAIT);
      LoopbackSwarm.awaitComplete(encrypted, WAIT);
      engine.find(one.infoHash()).orElseThrow().close();
      assertThat(engine.torrents()).hasSize(1);
    }
    LoopbackSwarm.assertSameFiles(first, dir.resolve("down/first.bin"));
    LoopbackSwarm.assertSameFiles(second, dir.resolve("down/second"));
  }
}
