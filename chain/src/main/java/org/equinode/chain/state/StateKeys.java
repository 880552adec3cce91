package org.equinode.chain.state;

import org.equinode.chain.BlockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.tx.OutPoint;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.common.MalformedException;

/**
 * The keys of the chain state, one prefix byte per kind of record (layout table in {@code
 * chain/README.md}, "Chain state"). Numbers inside keys are big-endian so that the store's unsigned
 * key order is their numeric order.
 */
final class StateKeys {
  /** {@code 00}: the {@link StateFormat} record. */
  static final byte FORMAT = 0x00;

  /** {@code 01}: the tip's block hash. */
  static final byte TIP = 0x01;

  /** {@code 02}: present (empty value) while a rebuild is under way. */
  static final byte REBUILDING = 0x02;

  /** {@code 10 ‖ hash}: a whole block. */
  static final byte BLOCK = 0x10;

  /** {@code 11 ‖ hash}: a {@link BlockIndexEntry}. */
  static final byte INDEX = 0x11;

  /** {@code 12 ‖ hash}: a connected block's {@link BlockUndo}. */
  static final byte UNDO = 0x12;

  /** {@code 13 ‖ u32be height}: the hash of the active chain's block at that height. */
  static final byte HEIGHT = 0x13;

  /** {@code 14 ‖ txid}: the {@link TxLocation} of a transaction of the active chain. */
  static final byte TX_LOCATION = 0x14;

  /** {@code 20 ‖ txid ‖ u32be index}: an unspent {@link Coin}. */
  static final byte COIN = 0x20;

  /** The length of a coin key. */
  static final int COIN_KEY_LENGTH = 1 + OutPoint.ENCODED_LENGTH;

  private StateKeys() {}

  static byte[] prefix(byte kind) {
    return new byte[] {kind};
  }

  static byte[] format() {
    return prefix(FORMAT);
  }

  static byte[] tip() {
    return prefix(TIP);
  }

  static byte[] rebuilding() {
    return prefix(REBUILDING);
  }

  static byte[] block(BlockHash hash) {
    return withHash(BLOCK, hash.hash());
  }

  static byte[] index(BlockHash hash) {
    return withHash(INDEX, hash.hash());
  }

  static byte[] undo(BlockHash hash) {
    return withHash(UNDO, hash.hash());
  }

  static byte[] txLocation(TxId txId) {
    return withHash(TX_LOCATION, txId.hash());
  }

  static byte[] height(int height) {
    return ByteWriter.withMaxSize(5).writeU8(HEIGHT).writeInt32BE(height).toByteArray();
  }

  static byte[] coin(OutPoint outPoint) {
    return ByteWriter.withMaxSize(COIN_KEY_LENGTH)
        .writeU8(COIN)
        .writeBytes(outPoint.txId().hash().toByteArray())
        .writeInt32BE((int) outPoint.index())
        .toByteArray();
  }

  /**
   * The outpoint of a coin key.
   *
   * @throws org.equinode.common.DecodeException if it is not a coin key
   */
  static OutPoint outPointOf(byte[] key) {
    ByteReader reader = ByteReader.of(key);
    expectKind(reader, COIN);
    TxId txId = TxId.read(reader);
    long index = reader.readU32BE();
    reader.expectEnd("coin key");
    return new OutPoint(txId, index);
  }

  private static void expectKind(ByteReader reader, byte kind) {
    int first = reader.readU8();
    if (first != kind) {
      throw new MalformedException(
          "key kind 0x" + Integer.toHexString(first) + " is not 0x" + Integer.toHexString(kind));
    }
  }

  private static byte[] withHash(byte kind, Hash32 hash) {
    return ByteWriter.withMaxSize(1 + Hash32.LENGTH)
        .writeU8(kind)
        .writeBytes(hash.toByteArray())
        .toByteArray();
  }

  /** The stored form of a block hash value (the tip, a height entry): exactly 32 bytes. */
  static byte[] hashValue(BlockHash hash) {
    return hash.hash().toByteArray();
  }

  /** Reads a 32-byte hash value strictly. */
  static BlockHash readHashValue(byte[] value) {
    ByteReader reader = ByteReader.of(value);
    BlockHash hash = BlockHash.read(reader);
    reader.expectEnd("block hash");
    return hash;
  }
}
