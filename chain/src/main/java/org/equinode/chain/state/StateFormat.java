package org.equinode.chain.state;

import org.equinode.chain.BlockHash;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;

/**
 * The first record of a chain store: the layout version and the network's genesis hash, so that a
 * store is never read with another layout or as another network's chain.
 *
 * <p>Stored form: {@code u32} version ‖ genesis hash (32).
 *
 * @param version the layout version; this code reads {@link #CURRENT} only
 * @param genesis the genesis hash of the network the store belongs to
 */
record StateFormat(long version, BlockHash genesis) {
  /** The layout this code writes and reads: 2 added the transaction index. */
  static final long CURRENT = 2;

  /** The layout before the transaction index: {@link ChainState#open} rebuilds it into this one. */
  static final long BEFORE_TX_INDEX = 1;

  static final int ENCODED_LENGTH = 4 + Hash32.LENGTH;

  byte[] encode() {
    ByteWriter writer = ByteWriter.withMaxSize(ENCODED_LENGTH);
    writer.writeInt32LE((int) version);
    genesis.write(writer);
    return writer.toByteArray();
  }

  static StateFormat decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    long version = reader.readU32LE();
    BlockHash genesis = BlockHash.read(reader);
    reader.expectEnd("chain state format");
    return new StateFormat(version, genesis);
  }
}
