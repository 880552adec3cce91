package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.equinode.api.Json;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.node.DataDirectory;
import org.equinode.node.Node;
import org.equinode.node.NodeConfig;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.metainfo.TorrentCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code torrent add|list|status|pause|resume|remove} against a node running in-process. */
@Timeout(120)
class TorrentNodeCommandsTest {

  @TempDir Path home;

  @Test
  void managesTheNodesTorrents() throws Exception {
    Path content = Files.createDirectories(home.resolve("album"));
    Files.write(content.resolve("a.bin"), new byte[40_000]);
    Files.write(content.resolve("b.bin"), new byte[20_000]);
    Metainfo metainfo =
        new TorrentCreator(TimeSource.system(), "test")
            .create(content, CreateOptions.none())
            .metainfo();
    Path torrent = Files.write(home.resolve("album.torrent"), metainfo.encode());
    String hash = metainfo.infoHash().hex();
    Path data = home.resolve(".equinode").resolve("dev");
    CommandRunner runner = new CommandRunner(home);
    try (Node node =
        Node.start(NodeConfig.loopback(new DataDirectory(data, Network.DEV)), "test")) {
      assertThat(node.torrents().listenAddress()).isPresent();
      Path downloads = home.resolve("downloads");
      CommandRunner.Result added =
          runner.run(
              "torrent",
              "add",
              torrent.toString(),
              "--dir",
              downloads.toString(),
              "--paused",
              "--files",
              "1",
              "--sequential",
              "--max-download-rate",
              "500k",
              "--peer",
              "127.0.0.1:1",
              "--json");
      assertThat(added.exitCode()).as(added.err()).isZero();
      JsonNode status = Json.mapper().readTree(added.out());
      assertThat(status.get("infohash").asText()).isEqualTo(hash);
      assertThat(status.get("state").asText()).isEqualTo("paused");
      assertThat(status.get("sequential").asBoolean()).isTrue();
      assertThat(status.get("maxDownloadRate").asLong()).isEqualTo(500 * 1024);
      // The files are listed once they are checked, in the background.
      status = checked(runner, hash);
      assertThat(status.get("state").asText()).isEqualTo("paused");
      assertThat(status.get("files").get(0).get("wanted").asBoolean()).isFalse();
      assertThat(status.get("files").get(1).get("wanted").asBoolean()).isTrue();

      CommandRunner.Result list = runner.run("torrent", "list", "--json");
      assertThat(list.exitCode()).isZero();
      assertThat(Json.mapper().readTree(list.out()).get(0).get("infohash").asText())
          .isEqualTo(hash);
      CommandRunner.Result shown = runner.run("torrent", "status", hash);
      assertThat(shown.exitCode()).isZero();
      assertThat(shown.out()).contains("album", "paused");

      CommandRunner.Result resumed = runner.run("torrent", "resume", hash, "--json");
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(Json.mapper().readTree(resumed.out()).get("state").asText())
          .isEqualTo("downloading");
      CommandRunner.Result paused = runner.run("torrent", "pause", hash, "--json");
      assertThat(Json.mapper().readTree(paused.out()).get("state").asText()).isEqualTo("paused");

      CommandRunner.Result again = runner.run("torrent", "add", torrent.toString());
      assertThat(again.exitCode()).isNotZero();
      assertThat(again.err()).contains("torrent " + hash + " is in the node already");

      CommandRunner.Result badHash = runner.run("torrent", "status", "xyz");
      assertThat(badHash.exitCode()).isNotZero();
      assertThat(badHash.err()).contains("infohash must be 40 hex digits");

      CommandRunner.Result removed = runner.run("torrent", "remove", hash, "--delete-data");
      assertThat(removed.exitCode()).as(removed.err()).isZero();
      assertThat(downloads.resolve("album")).doesNotExist();
      assertThat(runner.run("torrent", "list", "--json").out().strip()).isEqualTo("[]");

      CommandRunner.Result notThere = runner.run("torrent", "pause", hash);
      assertThat(notThere.exitCode()).isNotZero();
      assertThat(notThere.err()).contains("no torrent " + hash + " in the node");
    }
  }

  /** The torrent's status once its files are checked (listed). */
  private static JsonNode checked(CommandRunner runner, String hash) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (true) {
      JsonNode status =
          Json.mapper().readTree(runner.run("torrent", "status", hash, "--json").out());
      if (status.get("files").size() > 0) {
        return status;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not checked: " + status);
      }
      Thread.sleep(20);
    }
  }
}
