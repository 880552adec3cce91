package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.PieceHashes;
import org.equinode.torrent.peer.extension.MetadataMessage;
import org.equinode.torrent.swarm.ConnectionId;
import org.junit.jupiter.api.Test;

class MetadataFetchTest {
  private static final ConnectionId A = new ConnectionId(1);
  private static final ConnectionId B = new ConnectionId(2);

  /** An info dictionary of about 40 KiB: three metadata pieces. */
  private static InfoDict info() {
    int pieces = 2000;
    byte[] hashes = SeededRandom.bytes(SeededRandom.of(5), 20 * pieces);
    return InfoDict.create(
        "big.bin",
        16 * 1024,
        PieceHashes.of(hashes),
        java.util.List.of(
            new org.equinode.torrent.metainfo.FileEntry(
                org.equinode.torrent.metainfo.FilePath.of("big.bin"), 16L * 1024 * pieces)),
        false,
        false);
  }

  private static MetadataMessage.Data piece(byte[] bytes, int index) {
    int start = index * MetadataMessage.PIECE_LENGTH;
    int end = Math.min(bytes.length, start + MetadataMessage.PIECE_LENGTH);
    return new MetadataMessage.Data(index, bytes.length, Arrays.copyOfRange(bytes, start, end));
  }

  @Test
  void asksEachPieceOfOnePeerAndCompletesWhenAllArrived() {
    InfoDict info = info();
    byte[] bytes = info.bytes();
    MetadataFetch fetch = new MetadataFetch(info.hash());
    assertThat(fetch.toAsk(A, bytes.length, 0)).containsExactly(0, 1, 2);
    assertThat(fetch.toAsk(B, bytes.length, 0)).isEmpty();
    assertThat(fetch.received(A, piece(bytes, 0))).isInstanceOf(MetadataFetch.Result.Pending.class);
    fetch.forget(A);
    assertThat(fetch.toAsk(B, bytes.length, 0)).containsExactly(1, 2);
    fetch.received(B, piece(bytes, 2));
    assertThat(fetch.received(B, piece(bytes, 1))).isEqualTo(new MetadataFetch.Result.Done(info));
  }

  @Test
  void wrongMetadataFromOnePeerNamesIt() {
    InfoDict info = info();
    byte[] wrong = info.bytes();
    wrong[wrong.length - 2] ^= 1;
    MetadataFetch fetch = new MetadataFetch(info.hash());
    fetch.toAsk(A, wrong.length, 0);
    fetch.received(A, piece(wrong, 0));
    fetch.received(A, piece(wrong, 1));
    assertThat(fetch.received(A, piece(wrong, 2)))
        .isInstanceOfSatisfying(
            MetadataFetch.Result.Failed.class, f -> assertThat(f.culprit()).contains(A));
    assertThat(fetch.toAsk(B, wrong.length, 0)).containsExactly(0, 1, 2);
  }

  @Test
  void ignoresPeersThatDisagreeOnTheSizeOrRefusedAndExpiresSlowRequests() {
    InfoDict info = info();
    int size = info.bytes().length;
    MetadataFetch fetch = new MetadataFetch(info.hash());
    assertThat(fetch.toAsk(A, size, 0)).containsExactly(0, 1, 2);
    assertThat(fetch.toAsk(B, size + 1, 0)).isEmpty();
    assertThat(fetch.expire(MetadataFetch.REQUEST_TIMEOUT_NANOS - 1)).isFalse();
    assertThat(fetch.expire(MetadataFetch.REQUEST_TIMEOUT_NANOS)).isTrue();
    fetch.rejected(A);
    assertThat(fetch.toAsk(A, size, 0)).isEmpty();
    assertThat(fetch.toAsk(B, size, 0)).containsExactly(0, 1, 2);
  }
}
