package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.equinode.common.TimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code equinode share} and {@code equinode get} against each other on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GetShareCommandTest {
  @TempDir Path home;

  @Test
  void getsWhatAnotherProcessSharesFromItsMagnetLink() throws Exception {
    Path folder = Files.createDirectories(home.resolve("share/album"));
    byte[] a = new byte[700_000];
    byte[] b = new byte[123_456];
    new Random(7).nextBytes(a);
    new Random(8).nextBytes(b);
    Files.write(folder.resolve("a.bin"), a);
    Files.createDirectories(folder.resolve("sub"));
    Files.write(folder.resolve("sub/b.bin"), b);
    CommandRunner runner = new CommandRunner(home, TimeSource.system());

    CommandRunner.Running share =
        runner.start(
            "share",
            folder.toString(),
            "--listen",
            "127.0.0.1:0",
            "--datadir",
            home.resolve("seeder").toString());
    try {
      String magnet = awaitMagnet(share);
      assertThat(magnet).contains("x.pe=127.0.0.1:", "dn=album");

      CommandRunner.Result get =
          runner.run(
              "get",
              magnet,
              "--dir",
              home.resolve("down").toString(),
              "--listen",
              "127.0.0.1:0",
              "--datadir",
              home.resolve("leecher").toString());
      assertThat(get.exitCode()).as(get.err()).isZero();
      assertThat(get.out()).contains("done: album");
      assertThat(get.err()).contains("100.0%");
      assertThat(home.resolve("down/album/a.bin")).hasBinaryContent(a);
      assertThat(home.resolve("down/album/sub/b.bin")).hasBinaryContent(b);
      assertThat(home.resolve("leecher/cli-torrents")).isDirectory();
      assertThat(home.resolve("leecher/torrents")).doesNotExist(); // the node's, if one runs there

      // Again: everything is verified from the resume data, nothing is fetched.
      CommandRunner.Result again =
          runner.run(
              "get",
              magnet,
              "--dir",
              home.resolve("down").toString(),
              "--listen",
              "127.0.0.1:0",
              "--datadir",
              home.resolve("leecher").toString());
      assertThat(again.exitCode()).as(again.err()).isZero();
    } finally {
      share.thread().interrupt();
    }
    assertThat(share.exit().get(20, TimeUnit.SECONDS)).as(share.err().toString()).isZero();
  }

  @Test
  void getsATorrentFileFromAPeerAndSeedsUntilStopped() throws Exception {
    Path file = home.resolve("share/one.bin");
    Files.createDirectories(file.getParent());
    byte[] content = new byte[400_000];
    new Random(9).nextBytes(content);
    Files.write(file, content);
    Path torrent = home.resolve("one.torrent");
    CommandRunner runner = new CommandRunner(home, TimeSource.system());
    assertThat(
            runner.run("torrent", "create", file.toString(), "-o", torrent.toString()).exitCode())
        .isZero();
    CommandRunner.Running share =
        runner.start(
            "share",
            file.toString(),
            "--listen",
            "127.0.0.1:0",
            "--datadir",
            home.resolve("seeder").toString());
    CommandRunner.Running get = null;
    try {
      String magnet = awaitMagnet(share);
      String peer = magnet.substring(magnet.indexOf("x.pe=") + "x.pe=".length());
      get =
          runner.start(
              "get",
              torrent.toString(),
              "--peer",
              peer,
              "--seed",
              "--dir",
              home.resolve("down").toString(),
              "--listen",
              "127.0.0.1:0",
              "--datadir",
              home.resolve("leecher").toString());
      awaitOutput(get, "seeding until Ctrl-C");
      assertThat(get.exit()).isNotDone();
      assertThat(home.resolve("down/one.bin")).hasBinaryContent(content);
    } finally {
      if (get != null) {
        get.thread().interrupt();
      }
      share.thread().interrupt();
    }
    assertThat(get.exit().get(20, TimeUnit.SECONDS)).as(get.err().toString()).isZero();
    assertThat(share.exit().get(20, TimeUnit.SECONDS)).as(share.err().toString()).isZero();
  }

  @Test
  void refusesADownloadFolderThatHoldsTheDataDirectory() {
    CommandRunner runner = new CommandRunner(home, TimeSource.system());
    CommandRunner.Result result =
        runner.run(
            "get",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567",
            "--dir",
            home.toString(),
            "--datadir",
            home.resolve(".equinode").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("holds the data directory", "--dir");
  }

  private static void awaitOutput(CommandRunner.Running running, String text)
      throws InterruptedException {
    for (int i = 0; i < 2000 && !running.out().toString().contains(text); i++) {
      assertThat(running.exit()).as(running.err().toString()).isNotDone();
      Thread.sleep(10);
    }
    assertThat(running.out().toString()).contains(text);
  }

  private static String awaitMagnet(CommandRunner.Running running) throws InterruptedException {
    for (int i = 0; i < 2000; i++) {
      for (String line : running.out().toString().lines().toList()) {
        if (line.startsWith("magnet:")) {
          return line.substring("magnet:".length()).strip();
        }
      }
      assertThat(running.exit()).as(running.err().toString()).isNotDone();
      Thread.sleep(10);
    }
    throw new AssertionError("no magnet link: " + running.out() + running.err());
  }
}
