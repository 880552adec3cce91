package org.equinode.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.equinode.torrent.TorrentException;

/**
 * Jazzer harness for {@code .torrent} parsing; regression inputs (the mktorrent fixtures) live in
 * {@code MetainfoFuzzTestInputs/parse}. Only a {@link TorrentException} may escape, and whatever
 * parses must encode to a file that parses to the same torrent.
 */
class MetainfoFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) {
    Metainfo metainfo;
    try {
      metainfo = Metainfo.parse(input);
    } catch (TorrentException e) {
      return;
    }
    assertThat(Metainfo.parse(metainfo.encode())).isEqualTo(metainfo);
  }
}
