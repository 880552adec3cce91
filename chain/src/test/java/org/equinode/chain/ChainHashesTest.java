package org.equinode.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.equinode.common.Hash32;
import org.equinode.crypto.TaggedHash;
import org.junit.jupiter.api.Test;

class ChainHashesTest {
  @Test
  void eachUseHasItsOwnTag() {
    List<TaggedHash> all =
        List.of(
            ChainHashes.TX,
            ChainHashes.WTX,
            ChainHashes.BLOCK,
            ChainHashes.MERKLE,
            ChainHashes.SIGHASH,
            ChainHashes.LOCK);
    assertThat(all)
        .extracting(TaggedHash::tag)
        .containsExactly("eq/tx", "eq/wtx", "eq/block", "eq/merkle", "eq/sighash", "eq/lock");
    Set<Hash32> hashesOfNothing =
        all.stream().map(h -> h.hash(new byte[0])).collect(Collectors.toSet());
    assertThat(hashesOfNothing).hasSize(all.size());
  }

  @Test
  void typedIdsPrintAndParseTheirHex() {
    String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    assertThat(TxId.parse(hex).toString()).isEqualTo(hex);
    assertThat(BlockHash.parse(hex).hash()).isEqualTo(Hash32.parse(hex));
    // Same bytes, different types: never equal.
    assertThat((Object) TxId.parse(hex)).isNotEqualTo(WTxId.parse(hex));
    assertThat((Object) LockHash.parse(hex)).isNotEqualTo(BlockHash.parse(hex));
  }
}
