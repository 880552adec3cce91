package org.equinode.chain.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.equinode.chain.ChainHashes;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private static Hash32 leaf(int i) {
    return ChainHashes.TX.hash(new byte[] {(byte) i});
  }

  private static Hash32 wrap(int count, Hash32 top) {
    return ChainHashes.MERKLE.hash(
        ByteWriter.unbounded()
            .writeU8(0)
            .writeInt32LE(count)
            .writeBytes(top.toByteArray())
            .toByteArray());
  }

  private static Hash32 inner(Hash32 left, Hash32 right) {
    return ChainHashes.MERKLE.hash(
        ByteWriter.unbounded()
            .writeU8(1)
            .writeBytes(left.toByteArray())
            .writeBytes(right.toByteArray())
            .toByteArray());
  }

  @Test
  void smallTreesFollowTheDefinition() {
    Hash32 a = leaf(0);
    Hash32 b = leaf(1);
    Hash32 c = leaf(2);
    assertThat(MerkleTree.root(List.of(a))).isEqualTo(wrap(1, a));
    assertThat(MerkleTree.root(List.of(a, b))).isEqualTo(wrap(2, inner(a, b)));
    // The odd node goes up unchanged.
    assertThat(MerkleTree.root(List.of(a, b, c))).isEqualTo(wrap(3, inner(inner(a, b), c)));
    Hash32 d = leaf(3);
    Hash32 e = leaf(4);
    assertThat(MerkleTree.root(List.of(a, b, c, d, e)))
        .isEqualTo(wrap(5, inner(inner(inner(a, b), inner(c, d)), e)));
  }

  @Test
  void duplicatingTheLastLeafChangesTheRoot() {
    // CVE-2012-2459: in Bitcoin these pairs share a root.
    List<Hash32> three = List.of(leaf(0), leaf(1), leaf(2));
    List<Hash32> four = List.of(leaf(0), leaf(1), leaf(2), leaf(2));
    assertThat(MerkleTree.root(three)).isNotEqualTo(MerkleTree.root(four));
    List<Hash32> six = List.of(leaf(0), leaf(1), leaf(2), leaf(3), leaf(4), leaf(5));
    List<Hash32> eight = new ArrayList<>(six);
    eight.add(leaf(4));
    eight.add(leaf(5));
    assertThat(MerkleTree.root(six)).isNotEqualTo(MerkleTree.root(eight));
  }

  @Test
  void anInnerNodeCannotPassAsALeaf() {
    Hash32 a = leaf(0);
    Hash32 b = leaf(1);
    assertThat(MerkleTree.root(List.of(a, b)))
        .isNotEqualTo(MerkleTree.root(List.of(MerkleTree.inner(a, b))));
  }

  @Test
  void everyPrefixAndEveryDuplicationHasItsOwnRoot() {
    Set<Hash32> roots = new HashSet<>();
    List<Hash32> leaves = new ArrayList<>();
    int lists = 0;
    for (int n = 1; n <= 40; n++) {
      leaves.add(leaf(n));
      roots.add(MerkleTree.root(leaves));
      List<Hash32> doubled = new ArrayList<>(leaves);
      doubled.add(leaves.get(n - 1));
      roots.add(MerkleTree.root(doubled));
      lists += 2;
    }
    assertThat(roots).hasSize(lists);
  }

  @Test
  void refusesAnEmptyList() {
    assertThatThrownBy(() -> MerkleTree.root(List.of()))
        .isInstanceOf(BlockException.class)
        .hasMessage("a merkle tree needs at least one leaf");
  }
}
