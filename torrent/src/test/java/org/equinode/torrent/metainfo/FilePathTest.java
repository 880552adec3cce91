package org.equinode.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilePathTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "file.txt",
        ".hidden",
        "...",
        "a..b",
        "CONSOLE",
        "con1",
        "COM10",
        "LPT",
        "nul-thing",
        "ab:c",
        "1:2",
        "Part 1: The Start",
        "Ünïcödé",
        "日本語",
        "with space",
        "ends with dot.",
        "€"
      })
  void acceptsOrdinaryNames(String name) {
    FilePath.checkName(name);
    assertThat(FilePath.of("dir", name).fileName()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", ".", "..", "a/b", "/", "/etc", "a\\b", "\\\\server", "nul\u0000byte", "tab\there",
        "new\nline", "del\u007f", "C:", "c:evil", "x:y", "Z:\\x", "CON", "con", "Con.txt",
            "PRN.tar.gz",
        "aux", "NUL", "nul.", "COM1", "com9.log", "LPT1", "lpt9", "COM0", "COM\u00b9", "CON .txt",
        "CONIN$", "conout$.x"
      })
  void refusesUnsafeNames(String name) {
    assertThatThrownBy(() -> FilePath.checkName(name))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageStartingWith("unsafe path '");
    assertThatThrownBy(() -> FilePath.of("dir", name)).isInstanceOf(UnsafePathException.class);
  }

  @Test
  void namesThePathAndTheNameAtFault() {
    assertThatThrownBy(() -> FilePath.of("movie", "..", "..", "etc", "passwd"))
        .isInstanceOf(UnsafePathException.class)
        .hasMessage("unsafe path 'movie/../../etc/passwd': name '..' refers to a directory itself");
    assertThatThrownBy(() -> FilePath.of("a", "b/../../c"))
        .hasMessage("unsafe path 'a/b/../../c': name 'b/../../c' contains a path separator");
    assertThatThrownBy(() -> FilePath.of("a", "x\u0000y"))
        .hasMessage("unsafe path 'a/x\\x00y': name 'x\\x00y' contains a control character");
    assertThatThrownBy(() -> FilePath.of("a", "LPT3.doc"))
        .hasMessage("unsafe path 'a/LPT3.doc': name 'LPT3.doc' is a Windows device name");
    assertThatThrownBy(() -> FilePath.of("D:stuff"))
        .hasMessage("unsafe path 'D:stuff': name 'D:stuff' starts with a drive letter");
    assertThatThrownBy(() -> FilePath.of("a", "")).hasMessage("unsafe path 'a/': name '' is empty");
    assertThatThrownBy(() -> new FilePath(List.of())).hasMessage("empty file path");
  }

  @Test
  void limitsLengths() {
    String longest = "x".repeat(FilePath.MAX_NAME_BYTES);
    FilePath.checkName(longest);
    assertThatThrownBy(() -> FilePath.checkName(longest + "x"))
        .hasMessageEndingWith("is longer than 255 bytes");
    // Two bytes each in UTF-8.
    assertThatThrownBy(() -> FilePath.checkName("é".repeat(128)))
        .hasMessageEndingWith("is longer than 255 bytes");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      names.add("y".repeat(255));
    }
    assertThatThrownBy(() -> new FilePath(names)).hasMessageEndingWith("longer than 4096 bytes");
  }

  @Test
  void ordersNameByNameInUtf8ByteOrder() {
    List<FilePath> paths =
        new ArrayList<>(
            List.of(
                FilePath.of("a.txt"),
                FilePath.of("a", "b"),
                FilePath.of("B"),
                FilePath.of("a"),
                FilePath.of("\uffff"),
                FilePath.of("\ud83d\ude00")));
    paths.sort(null);
    // U+1F600 is after U+FFFF in UTF-8 byte order, though its UTF-16 form sorts before.
    assertThat(paths)
        .containsExactly(
            FilePath.of("B"),
            FilePath.of("a"),
            FilePath.of("a", "b"),
            FilePath.of("a.txt"),
            FilePath.of("\uffff"),
            FilePath.of("\ud83d\ude00"));
    assertThat(FilePath.of("a").isAncestorOf(FilePath.of("a", "b"))).isTrue();
    assertThat(FilePath.of("a").isAncestorOf(FilePath.of("a"))).isFalse();
    assertThat(FilePath.of("a").isAncestorOf(FilePath.of("ab", "c"))).isFalse();
  }

  @Test
  void resolvesInsideTheDirectory() {
    Path downloads = Path.of("/srv/downloads");
    assertThat(FilePath.of("movie", "part 1.mkv").resolveUnder(downloads))
        .isEqualTo(Path.of("/srv/downloads/movie/part 1.mkv"));
    assertThat(FilePath.of("a").resolve(FilePath.of("b", "c")))
        .isEqualTo(FilePath.of("a", "b", "c"));
    assertThat(FilePath.of("b").under("a")).isEqualTo(FilePath.of("a", "b"));
    assertThat(FilePath.of("a", "b")).hasToString("a/b");
  }
}
