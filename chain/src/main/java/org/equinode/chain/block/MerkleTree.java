package org.equinode.chain.block;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.ChainHashes;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;

/**
 * The merkle root of a list of ids (txids or wtxids):
 *
 * <ul>
 *   <li>inner node: {@code H(eq/merkle, 0x01 ‖ left ‖ right)};
 *   <li>a level with an odd count passes its last node up unchanged (it is never paired with
 *       itself);
 *   <li>root: {@code H(eq/merkle, 0x00 ‖ u32 count ‖ top)}, where {@code top} is the one node left.
 * </ul>
 *
 * <p>Because nothing is duplicated and the count is committed, two different lists never share a
 * root (barring a SHA-256 collision): Bitcoin's CVE-2012-2459, where {@code [a, b, c]} and {@code
 * [a, b, c, c]} have the same root, cannot happen.
 */
public final class MerkleTree {
  private static final int INNER = 0x01;
  private static final int ROOT = 0x00;

  private MerkleTree() {}

  /**
   * The root of {@code leaves}.
   *
   * @throws BlockException if the list is empty
   */
  public static Hash32 root(List<Hash32> leaves) {
    if (leaves.isEmpty()) {
      throw new BlockException("a merkle tree needs at least one leaf");
    }
    List<Hash32> level = leaves;
    while (level.size() > 1) {
      List<Hash32> up = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i + 1 < level.size(); i += 2) {
        up.add(inner(level.get(i), level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        up.add(level.get(level.size() - 1));
      }
      level = up;
    }
    byte[] root =
        ByteWriter.withMaxSize(1 + 4 + Hash32.LENGTH)
            .writeU8(ROOT)
            .writeInt32LE(leaves.size())
            .writeBytes(level.get(0).toByteArray())
            .toByteArray();
    return ChainHashes.MERKLE.hash(root);
  }

  static Hash32 inner(Hash32 left, Hash32 right) {
    return ChainHashes.MERKLE.hash(new byte[] {INNER}, left.toByteArray(), right.toByteArray());
  }
}
