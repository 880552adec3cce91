package org.equinode.wallet.ledger;

import org.equinode.chain.BlockHash;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;

/**
 * A block by height and hash: the last block a wallet has seen.
 *
 * @param height 0 (genesis) or more
 * @param hash the block's hash
 */
public record BlockRef(int height, BlockHash hash) {
  public BlockRef {
    if (height < 0) {
      throw new IllegalArgumentException("a block height is 0 or more, got " + height);
    }
  }

  /** {@code u32} height, then the 32-byte hash. */
  public void write(ByteWriter writer) {
    writer.writeInt32LE(height);
    hash.write(writer);
  }

  public static BlockRef read(ByteReader reader) {
    int height = reader.readInt32LE();
    if (height < 0) {
      throw new MalformedException(
          "block height " + Integer.toUnsignedString(height) + " too high");
    }
    return new BlockRef(height, BlockHash.read(reader));
  }
}
