package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.session.StateFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get} and {@code share} keep their state apart from a node's on the same data directory.
 */
class CommandStateFolderTest {
  private static final InfoHash HASH = InfoHash.parse("0123456789abcdef0123456789abcdef01234567");

  @TempDir Path data;

  @Test
  void theCommandsStateIsNotTheNodesFolder() {
    StateFolder ours = CommandStateFolder.of(data, HASH);
    assertThat(ours.path()).isEqualTo(data.resolve("cli-torrents").resolve(HASH.hex()));
    assertThat(ours.path()).isNotEqualTo(StateFolder.under(data, HASH).path());
  }

  @Test
  void aNodesFolderForTheSameTorrentIsLeftAlone() throws Exception {
    Path node = StateFolder.under(data, HASH).path();
    Files.createDirectories(node);
    Files.writeString(node.resolve("torrent.json"), "{}");
    Files.writeString(node.resolve("resume"), "the node's");

    StateFolder ours = CommandStateFolder.of(data, HASH);

    assertThat(node.resolve("resume")).hasContent("the node's");
    assertThat(ours.path()).doesNotExist();
  }

  @Test
  void stateAnEarlierGetLeftInTheNodesFolderMovesOver() throws Exception {
    Path old = StateFolder.under(data, HASH).path();
    Files.createDirectories(old);
    Files.writeString(old.resolve("metadata"), "info");

    StateFolder ours = CommandStateFolder.of(data, HASH);

    assertThat(ours.path().resolve("metadata")).hasContent("info");
    assertThat(old).doesNotExist();
  }
}
