package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.equinode.torrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentCommandTest {
  @TempDir Path home;

  @Test
  void createsATorrentOfAFolderAndShowsIt() throws Exception {
    Path folder = home.resolve("share");
    Files.createDirectories(folder.resolve("sub"));
    Files.write(folder.resolve("a.bin"), new byte[100_000]);
    Files.writeString(folder.resolve("sub/b.txt"), "hello");
    Files.writeString(folder.resolve(".hidden"), "secret");
    Path torrent = home.resolve("share.torrent");
    CommandRunner runner = new CommandRunner(home);

    CommandRunner.Result created =
        runner.run(
            "torrent",
            "create",
            folder.toString(),
            "-o",
            torrent.toString(),
            "--tracker",
            "http://127.0.0.1:6969/announce");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("2 file(s)", "magnet:    magnet:?xt=urn:btih:", "left out:");
    Metainfo metainfo = Metainfo.parse(Files.readAllBytes(torrent));
    assertThat(metainfo.trackers()).containsExactly("http://127.0.0.1:6969/announce");

    CommandRunner.Result info = runner.run("torrent", "info", torrent.toString(), "--json");
    assertThat(info.exitCode()).isZero();
    assertThat(info.out()).contains("\"infoHash\":\"" + metainfo.infoHash() + "\"", "sub/b.txt");

    String magnet =
        created.out().lines().filter(l -> l.startsWith("magnet:")).findFirst().orElseThrow();
    CommandRunner.Result fromMagnet =
        runner.run("torrent", "info", magnet.substring("magnet:".length()).strip());
    assertThat(fromMagnet.out()).contains("infoHash:  " + metainfo.infoHash());
  }

  @Test
  void refusesToOverwriteAndExplainsBadInput() throws Exception {
    Path file = home.resolve("x.bin");
    Files.write(file, new byte[10]);
    Path torrent = home.resolve("x.torrent");
    Files.writeString(torrent, "not a torrent");
    CommandRunner runner = new CommandRunner(home);
    CommandRunner.Result again =
        runner.run("torrent", "create", file.toString(), "-o", torrent.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("exists; use --force");
    CommandRunner.Result broken = runner.run("torrent", "info", torrent.toString());
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.err().lines()).hasSize(1);
    CommandRunner.Result missing =
        runner.run("torrent", "create", home.resolve("nope").toString(), "-o", "y.torrent");
    assertThat(missing.err()).contains("does not exist");
  }
}
