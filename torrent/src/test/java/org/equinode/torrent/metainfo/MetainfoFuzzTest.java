package org.equinode.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.equinode.testing.AllocationBound;
import org.equinode.torrent.TorrentException;

/**
 * Jazzer harness for {@code .torrent} parsing; regression inputs (the mktorrent fixtures) live in
 * {@code MetainfoFuzzTestInputs/parse}. Only a {@link TorrentException} may escape, and whatever
 * parses must encode to a file that parses to the same torrent (keys we do not keep are dropped, so
 * the input itself need not come back). The parser stays within {@link AllocationBound}'s budget.
 * How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class MetainfoFuzzTest {
  @FuzzTest
  void parse(byte[] input) {
    Metainfo metainfo;
    try {
      metainfo = AllocationBound.check(input, () -> Metainfo.parse(input));
    } catch (TorrentException e) {
      return;
    }
    assertThat(Metainfo.parse(metainfo.encode())).isEqualTo(metainfo);
  }
}
