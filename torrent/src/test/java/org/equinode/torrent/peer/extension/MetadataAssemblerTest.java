package org.equinode.torrent.peer.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.FileEntry;
import org.equinode.torrent.metainfo.FilePath;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.metainfo.PieceHashes;
import org.junit.jupiter.api.Test;

class MetadataAssemblerTest {
  /** An info dictionary of about 40 KiB: three metadata pieces. */
  private static InfoDict bigInfo() {
    int pieces = 2000;
    return InfoDict.create(
        "big.bin",
        InfoDict.MIN_PIECE_LENGTH,
        PieceHashes.of(SeededRandom.bytes(SeededRandom.of(1), 20 * pieces)),
        List.of(new FileEntry(FilePath.of("big.bin"), (long) pieces * InfoDict.MIN_PIECE_LENGTH)),
        false,
        false);
  }

  private static MetadataMessage.Data piece(byte[] metadata, int index) {
    int from = index * MetadataMessage.PIECE_LENGTH;
    int to = Math.min(metadata.length, from + MetadataMessage.PIECE_LENGTH);
    return new MetadataMessage.Data(index, metadata.length, Arrays.copyOfRange(metadata, from, to));
  }

  @Test
  void assemblesPiecesInAnyOrderAndChecksTheHash() {
    InfoDict info = bigInfo();
    byte[] metadata = info.bytes();
    MetadataAssembler assembler = MetadataAssembler.of(info.hash(), metadata.length);
    assertThat(assembler.pieceCount()).isEqualTo(3);
    assertThat(assembler.add(piece(metadata, 2)))
        .isEqualTo(new MetadataAssembler.Outcome.Incomplete(1, 3));
    assertThat(assembler.add(piece(metadata, 2)))
        .isEqualTo(new MetadataAssembler.Outcome.Incomplete(1, 3));
    assertThat(assembler.missing().stream()).containsExactly(0, 1);
    assembler.add(piece(metadata, 0));
    assertThat(assembler.add(piece(metadata, 1)))
        .isEqualTo(new MetadataAssembler.Outcome.Complete(info));
  }

  @Test
  void dropsEverythingOnAHashMismatch() {
    InfoDict info = bigInfo();
    byte[] metadata = info.bytes();
    MetadataAssembler assembler = MetadataAssembler.of(info.hash(), metadata.length);
    byte[] bad = metadata.clone();
    bad[20_000] ^= 1;
    assembler.add(piece(metadata, 0));
    assembler.add(piece(bad, 1));
    assertThat(assembler.add(piece(metadata, 2)))
        .isEqualTo(new MetadataAssembler.Outcome.HashMismatch(InfoHash.ofInfoBytes(bad)));
    assertThat(assembler.missing().cardinality()).isEqualTo(3);
  }

  @Test
  void refusesPiecesOfAnotherSizeAndReportsInvalidMetadata() {
    byte[] notInfo = "d4:name1:xe".getBytes(StandardCharsets.US_ASCII);
    InfoHash hash = InfoHash.ofInfoBytes(notInfo);
    MetadataAssembler assembler = MetadataAssembler.of(hash, notInfo.length);
    assertThat(assembler.add(new MetadataMessage.Data(0, 12, new byte[12])))
        .isEqualTo(new MetadataAssembler.Outcome.Refused("metadata of 12 bytes, expected 11"));
    assertThat(assembler.add(new MetadataMessage.Data(0, notInfo.length, notInfo)))
        .isInstanceOf(MetadataAssembler.Outcome.Invalid.class);
    assertThatThrownBy(() -> MetadataAssembler.of(hash, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetadataAssembler.of(hash, MetadataMessage.MAX_METADATA_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
