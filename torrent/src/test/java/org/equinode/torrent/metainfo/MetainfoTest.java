package org.equinode.torrent.metainfo;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;
import org.equinode.torrent.bencode.BencodeException;
import org.junit.jupiter.api.Test;

class MetainfoTest {
  @Test
  void readsASingleFileTorrentFromMktorrent() {
    Metainfo m = Metainfo.parse(Fixtures.bytes("single.torrent"));
    assertThat(m.infoHash()).isEqualTo(InfoHash.parse("fb77a2baa5540719f3a37a9c27a88e7f017dc1e5"));
    InfoDict info = m.info();
    assertThat(info.name()).isEqualTo("tiny.txt");
    assertThat(info.multiFile()).isFalse();
    assertThat(info.files()).containsExactly(new FileEntry(FilePath.of("tiny.txt"), 70_000));
    assertThat(info.pieceLength()).isEqualTo(32_768);
    assertThat(info.pieceCount()).isEqualTo(3);
    assertThat(info.pieceSize(2)).isEqualTo(70_000 - 2 * 32_768);
    assertThat(info.isPrivate()).isFalse();
    assertThat(m.trackerTiers())
        .containsExactly(
            List.of("http://127.0.0.1:6969/announce"), List.of("udp://127.0.0.1:6969"));
    assertThat(m.webSeeds()).containsExactly("http://127.0.0.1:8080/tiny.txt");
    assertThat(m.comment()).contains("fixture for Equinode");
    assertThat(m.createdBy()).contains("mktorrent 1.1");
    assertThat(m.creationDate()).isEmpty();
    // The piece hashes are those of the data file.
    byte[] data = Fixtures.bytes("tiny.txt");
    for (int i = 0; i < info.pieceCount(); i++) {
      int from = i * info.pieceLength();
      byte[] piece = Arrays.copyOfRange(data, from, from + info.pieceSize(i));
      assertThat(info.pieces().verify(i, piece)).as("piece %d", i).isTrue();
    }
    assertThat(info.pieces().verify(0, new byte[32_768])).isFalse();
  }

  @Test
  void readsAMultiFileTorrentFromMktorrent() {
    Metainfo m = Metainfo.parse(Fixtures.bytes("multi.torrent"));
    assertThat(m.infoHash()).isEqualTo(InfoHash.parse("2f25011cea3c086d7eea83d2c2b925b5c1aa10d8"));
    InfoDict info = m.info();
    assertThat(info.multiFile()).isTrue();
    assertThat(info.isPrivate()).isTrue();
    assertThat(info.files())
        .containsExactly(
            new FileEntry(FilePath.of("tinydir", "a.txt"), 5_500),
            new FileEntry(FilePath.of("tinydir", "sub", "b.bin"), 40_000),
            new FileEntry(FilePath.of("tinydir", "sub", "empty.txt"), 0));
    assertThat(info.totalLength()).isEqualTo(45_500);
    // The 'source' key is unknown here, but stays in the hashed bytes.
    assertThat(info.toBDict().get("source")).contains(BBytes.of("EQ"));
    assertThat(m.trackerTiers())
        .containsExactly(
            List.of("http://127.0.0.1:6969/announce", "http://127.0.0.2:6969/announce"));
    assertThat(Metainfo.parse(Fixtures.bytes("multi-plain.torrent")).infoHash())
        .isEqualTo(InfoHash.parse("6c132423c2f00f29647af76037ebd765970a6cea"));
  }

  @Test
  void encodesBackToTheSameTorrent() {
    for (String name : List.of("single.torrent", "multi.torrent", "multi-plain.torrent")) {
      byte[] file = Fixtures.bytes(name);
      Metainfo m = Metainfo.parse(file);
      byte[] encoded = m.encode();
      Metainfo again = Metainfo.parse(encoded);
      assertThat(again).isEqualTo(m);
      assertThat(again.info().bytes()).isEqualTo(m.info().bytes());
      // mktorrent writes canonical bencoding, and the fields this module keeps are all it writes,
      // except that mktorrent writes a single web seed as a string rather than a list.
      if (!name.equals("single.torrent")) {
        assertThat(encoded).isEqualTo(file);
      }
    }
  }

  @Test
  void infoDictParsesOnItsOwn() {
    Metainfo m = Metainfo.parse(Fixtures.bytes("multi.torrent"));
    InfoDict info = InfoDict.parse(m.info().bytes());
    assertThat(info).isEqualTo(m.info());
    assertThat(info.hash()).isEqualTo(m.infoHash());
  }

  @Test
  void hashesTheOriginalBytesAndAcceptsAnUnsortedOuterDictionary() {
    byte[] info = Bencode.encode(validInfo().build());
    byte[] unsorted =
        concat(
            "d8:announce12:http://t/ann4:info", info, "7:comment2:hi13:creation datei1700000000ee");
    Metainfo m = Metainfo.parse(unsorted);
    assertThat(m.infoHash()).isEqualTo(InfoHash.ofInfoBytes(info));
    assertThat(m.comment()).contains("hi");
    assertThat(m.trackerTiers()).containsExactly(List.of("http://t/ann"));
    assertThat(m.creationDate().orElseThrow().getEpochSecond()).isEqualTo(1_700_000_000L);
  }

  @Test
  void refusesANonCanonicalInfoDictionary() {
    byte[] unsortedInfo =
        concat("d4:infod4:name1:a6:lengthi1e12:piece lengthi16384e6:pieces20:", new byte[20], "ee");
    assertThatThrownBy(() -> Metainfo.parse(unsortedInfo))
        .isInstanceOf(BencodeException.class)
        .hasMessage("dictionary key 'length' after 'name': keys must be sorted at offset 17");
  }

  @Test
  void refusesTorrentsThatTryToEscapeTheDirectory() {
    BDict files =
        validMultiInfo(List.of(List.of("ok.txt"), List.of("..", "..", ".bashrc")), List.of(1L, 1L));
    assertThatThrownBy(() -> parseInfo(files))
        .isInstanceOf(UnsafePathException.class)
        .hasMessage("unsafe path 'dir/../../.bashrc': name '..' refers to a directory itself");
    assertThatThrownBy(() -> parseInfo(validInfo().put("name", "../x").build()))
        .isInstanceOf(UnsafePathException.class)
        .hasMessage("unsafe path '../x': name '../x' contains a path separator");
    assertThatThrownBy(() -> parseInfo(validInfo().put("name", "/etc/passwd").build()))
        .hasMessage("unsafe path '/etc/passwd': name '/etc/passwd' contains a path separator");
    BDict absolute = validMultiInfo(List.of(List.of("", "etc", "passwd")), List.of(1L));
    assertThatThrownBy(() -> parseInfo(absolute))
        .hasMessage("unsafe path 'dir//etc/passwd': name '' is empty");
    BDict windows = validMultiInfo(List.of(List.of("C:", "Windows")), List.of(1L));
    assertThatThrownBy(() -> parseInfo(windows))
        .hasMessage("unsafe path 'dir/C:/Windows': name 'C:' starts with a drive letter");
    BDict device = validMultiInfo(List.of(List.of("aux.txt")), List.of(1L));
    assertThatThrownBy(() -> parseInfo(device)).hasMessageContaining("Windows device name");
  }

  @Test
  void refusesDuplicatePathsAndFilesThatAreDirectories() {
    BDict duplicate = validMultiInfo(List.of(List.of("a"), List.of("b"), List.of("a")), ones(3));
    assertThatThrownBy(() -> parseInfo(duplicate))
        .isInstanceOf(InvalidMetainfoException.class)
        .hasMessage("two files have the path 'dir/a'");
    BDict fileAndDir =
        validMultiInfo(
            List.of(List.of("a", "b", "c"), List.of("a.txt"), List.of("a", "b")), ones(3));
    assertThatThrownBy(() -> parseInfo(fileAndDir))
        .hasMessage("'dir/a/b' is a file and also the directory of 'dir/a/b/c'");
  }

  @Test
  void checksPieceLengthAndPieces() {
    assertThatThrownBy(() -> parseInfo(validInfo().put("piece length", 3 * 16384).build()))
        .hasMessage("'piece length' 49152 is not a power of two");
    assertThatThrownBy(() -> parseInfo(validInfo().put("piece length", 8192).build()))
        .hasMessage("'piece length' 8192 is outside 16384..67108864");
    assertThatThrownBy(() -> parseInfo(validInfo().put("piece length", 1L << 27).build()))
        .hasMessage("'piece length' 134217728 is outside 16384..67108864");
    assertThatThrownBy(() -> parseInfo(validInfo().put("pieces", new byte[30]).build()))
        .hasMessage("'pieces' is 30 bytes, not a multiple of 20");
    assertThatThrownBy(() -> parseInfo(validInfo().put("pieces", new byte[40]).build()))
        .hasMessage("'pieces' holds 2 hashes, but 100 bytes in 16384-byte pieces make 1");
    assertThatThrownBy(() -> parseInfo(validInfo().put("length", 16385).build()))
        .hasMessage("'pieces' holds 1 hashes, but 16385 bytes in 16384-byte pieces make 2");
    assertThatThrownBy(
            () -> parseInfo(validInfo().put("length", 1L << 60).put("pieces", new byte[0]).build()))
        .hasMessage(
            "1152921504606846976 bytes in 16384-byte pieces make 70368744177664 pieces, more than"
                + " 2097152");
  }

  @Test
  void checksLengths() {
    assertThatThrownBy(() -> parseInfo(validInfo().put("length", -1).build()))
        .hasMessage("file 'f' has a negative length -1");
    assertThatThrownBy(() -> parseInfo(validInfo().put("length", 0).put("pieces", "").build()))
        .hasMessage("the torrent holds no data (every file is empty)");
    BDict overflow =
        validMultiInfo(List.of(List.of("a"), List.of("b")), List.of(Long.MAX_VALUE, 1L));
    assertThatThrownBy(() -> parseInfo(overflow))
        .hasMessage("the file lengths add up to more than 2^63 bytes");
  }

  @Test
  void checksTheShapeOfTheInfoDictionary() {
    assertThatThrownBy(() -> parseInfo(validInfo().put("files", BList.of()).build()))
        .hasMessage("the info dictionary needs exactly one of 'length' and 'files'");
    BDict noName = BDict.of(withoutKey(validInfo().build(), "name"));
    assertThatThrownBy(() -> parseInfo(noName)).hasMessage("the info dictionary has no 'name'");
    assertThatThrownBy(() -> parseInfo(validInfo().put("name", new byte[] {(byte) 0xff}).build()))
        .hasMessage("'name' is not valid UTF-8: 0xff");
    assertThatThrownBy(() -> parseInfo(validInfo().put("private", 2).build()))
        .hasMessage("'private' must be the integer 0 or 1");
    assertThatThrownBy(() -> parseInfo(validInfo().put("piece length", "x").build()))
        .hasMessage("the info dictionary: 'piece length' is not an integer");
    BDict v2 = BDict.of(withoutKey(validInfo().put("file tree", BDict.empty()).build(), "pieces"));
    assertThatThrownBy(() -> parseInfo(v2))
        .hasMessage("v2-only torrents (BEP 52) are not supported yet");
    BDict emptyPath = validMultiInfo(List.of(List.of()), List.of(1L));
    assertThatThrownBy(() -> parseInfo(emptyPath))
        .hasMessage("'files' entry 0 has an empty 'path'");
    assertThatThrownBy(() -> Metainfo.parse(Bencode.encode(BDict.builder().put("info", 1).build())))
        .hasMessage("'info' is not a dictionary");
    assertThatThrownBy(() -> Metainfo.parse(Bencode.encode(BDict.empty())))
        .hasMessage("the torrent has no 'info'");
    assertThatThrownBy(() -> Metainfo.parse(new byte[Metainfo.MAX_TORRENT_BYTES + 1]))
        .hasMessage("the torrent file is 67108865 bytes, more than 67108864");
  }

  @Test
  void dropsUnusableAdvisoryFields() {
    BDict torrent =
        BDict.builder()
            .put("info", validInfo().build())
            .put("announce", "http://fallback/ann")
            .put(
                "announce-list",
                BList.of(
                    BList.of(BBytes.of(" http://a/ann "), BBytes.of("")),
                    BList.of(),
                    BBytes.of("not a tier"),
                    BList.of(BBytes.of("http://a/ann"), BBytes.of("udp://b:1"))))
            .put("url-list", "http://seed/f")
            .put("comment", new byte[] {(byte) 0xc3})
            .put("created by", 7)
            .put("creation date", -5)
            .build();
    Metainfo m = Metainfo.parse(Bencode.encode(torrent));
    assertThat(m.trackerTiers()).containsExactly(List.of("http://a/ann"), List.of("udp://b:1"));
    assertThat(m.webSeeds()).containsExactly("http://seed/f");
    assertThat(m.comment()).isEmpty();
    assertThat(m.createdBy()).isEmpty();
    assertThat(m.creationDate()).isEmpty();
  }

  @Test
  void mutatedTorrentsParseConsistentlyOrFailWithTorrentException() {
    RandomGenerator random = SeededRandom.of(0x70ccL);
    List<byte[]> seeds =
        List.of(
            Fixtures.bytes("single.torrent"),
            Fixtures.bytes("multi.torrent"),
            Fixtures.bytes("multi-plain.torrent"));
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] mutated = mutate(seeds.get(i % seeds.size()), random);
      Metainfo m;
      try {
        m = Metainfo.parse(mutated);
      } catch (TorrentException e) {
        continue;
      }
      parsed++;
      // What parses is a fixed point: its encoding parses to the same torrent.
      assertThat(Metainfo.parse(m.encode())).isEqualTo(m);
      assertThat(m.infoHash()).isEqualTo(Metainfo.parse(m.encode()).infoHash());
    }
    assertThat(parsed).isPositive();
  }

  private static byte[] mutate(byte[] input, RandomGenerator random) {
    byte[] out = input.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(3)) {
        case 0 -> out[at] = (byte) random.nextInt(256);
        case 1 -> out[at] = (byte) "ile:0123456789d./\\".charAt(random.nextInt(18));
        default -> out = Arrays.copyOf(out, Math.max(1, at));
      }
    }
    return out;
  }

  private static void parseInfo(BDict info) {
    Metainfo.parse(Bencode.encode(BDict.builder().put("info", info).build()));
  }

  /** A valid single-file info dictionary: 100 bytes in one 16 KiB piece. */
  private static BDict.Builder validInfo() {
    return BDict.builder()
        .put("name", "f")
        .put("length", 100)
        .put("piece length", 16_384)
        .put("pieces", new byte[20]);
  }

  private static BDict validMultiInfo(List<List<String>> paths, List<Long> lengths) {
    List<BValue> files = new java.util.ArrayList<>();
    long total = 0;
    for (int i = 0; i < paths.size(); i++) {
      List<BValue> path = paths.get(i).stream().<BValue>map(BBytes::of).toList();
      files.add(BDict.builder().put("length", lengths.get(i)).put("path", new BList(path)).build());
      total = Math.max(total, Math.min(total + lengths.get(i), 1L << 40));
    }
    long pieces = Math.max(1, (total + 16_383) / 16_384);
    return BDict.builder()
        .put("name", "dir")
        .put("files", new BList(files))
        .put("piece length", 16_384)
        .put("pieces", new byte[(int) Math.min(pieces, 100) * 20])
        .build();
  }

  private static List<Long> ones(int n) {
    return java.util.Collections.nCopies(n, 1L);
  }

  private static java.util.Map<BBytes, BValue> withoutKey(BDict dict, String key) {
    java.util.Map<BBytes, BValue> entries = new java.util.TreeMap<>(dict.entries());
    entries.remove(BBytes.of(key));
    return entries;
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    byte[] h = head.getBytes(ISO_8859_1);
    byte[] t = tail.getBytes(ISO_8859_1);
    byte[] out = Arrays.copyOf(h, h.length + middle.length + t.length);
    System.arraycopy(middle, 0, out, h.length, middle.length);
    System.arraycopy(t, 0, out, h.length + middle.length, t.length);
    return out;
  }
}
