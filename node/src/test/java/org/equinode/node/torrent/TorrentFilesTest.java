package org.equinode.node.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.equinode.common.TimeSource;
import org.equinode.torrent.metainfo.CreateOptions;
import org.equinode.torrent.metainfo.FilePath;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.TorrentCreator;
import org.equinode.torrent.session.FileSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentFilesTest {
  @TempDir Path folder;

  /** A torrent "album" of {@code names} (sorted: the torrent's file order), each a few bytes. */
  private InfoDict album(String top, String... names) throws IOException {
    Path source = Files.createDirectories(folder.resolve("made").resolve(top));
    for (String name : names) {
      Files.createDirectories(source.resolve(name).getParent());
      Files.writeString(source.resolve(name), "bytes of " + name);
    }
    return new TorrentCreator(TimeSource.system(), "test")
        .create(source, CreateOptions.none())
        .metainfo()
        .info();
  }

  @Test
  void deletesTheSelectedFilesAndKeepsASkippedOneThatIsTheUsers() throws IOException {
    InfoDict info = album("album", "a.txt", "b.txt", "c.txt");
    Path down = Files.createDirectories(folder.resolve("down/album"));
    Files.writeString(down.resolve("a.txt"), "downloaded");
    Files.writeString(down.resolve("b.txt"), "the user's own, never written by the torrent");
    Files.writeString(down.resolve("c.txt"), "downloaded");

    List<Path> kept =
        TorrentFiles.delete(info, FileSelection.of(List.of(0, 2)), folder.resolve("down"));

    assertThat(kept).isEmpty();
    assertThat(down.resolve("a.txt")).doesNotExist();
    assertThat(down.resolve("c.txt")).doesNotExist();
    assertThat(down.resolve("b.txt")).hasContent("the user's own, never written by the torrent");
  }

  @Test
  void deletesEveryFileAndTheEmptyFoldersWhenAllAreSelected() throws IOException {
    InfoDict info = album("album", "a.txt", "sub/b.txt");
    Path down = Files.createDirectories(folder.resolve("down/album/sub"));
    Files.writeString(down.resolve("b.txt"), "downloaded");
    Files.writeString(folder.resolve("down/album/a.txt"), "downloaded");
    Path bystander = Files.writeString(folder.resolve("down/keep.txt"), "kept");

    assertThat(TorrentFiles.delete(info, FileSelection.ALL, folder.resolve("down"))).isEmpty();

    assertThat(folder.resolve("down/album")).doesNotExist();
    assertThat(bystander).hasContent("kept");
  }

  @Test
  void reportsAFileThatCannotBeDeletedAndGoesOnWithTheOthers() throws IOException {
    InfoDict info = album("album", "a.txt", "b.txt");
    Path down = Files.createDirectories(folder.resolve("down/album"));
    // A folder where the torrent has a file: not deletable as a file, and not empty.
    Files.createDirectories(down.resolve("a.txt"));
    Files.writeString(down.resolve("a.txt/inside"), "x");
    Files.writeString(down.resolve("b.txt"), "downloaded");

    List<Path> kept = TorrentFiles.delete(info, FileSelection.ALL, folder.resolve("down"));

    assertThat(kept).contains(down.resolve("a.txt"));
    assertThat(down.resolve("b.txt")).doesNotExist();
  }

  @Test
  void findsTheSamePathOrAFileWhereTheOtherNeedsAFolder() throws IOException {
    InfoDict album = album("album", "a.txt", "b.txt");
    InfoDict same = album("copy/album", "b.txt", "z.txt");
    InfoDict other = album("other", "a.txt");
    Path file =
        Files.writeString(Files.createDirectories(folder.resolve("one")).resolve("album"), "x");
    InfoDict single =
        new TorrentCreator(TimeSource.system(), "test")
            .create(file, CreateOptions.none())
            .metainfo()
            .info();

    assertThat(TorrentFiles.overlap(album, same)).contains(FilePath.of("album", "b.txt"));
    assertThat(TorrentFiles.overlap(album, other)).isEmpty();
    assertThat(TorrentFiles.overlap(single, album)).contains(FilePath.of("album"));
    assertThat(TorrentFiles.overlap(album, single)).contains(FilePath.of("album"));
  }
}
