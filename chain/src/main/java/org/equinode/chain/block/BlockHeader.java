package org.equinode.chain.block;

import org.equinode.chain.BlockHash;
import org.equinode.chain.ChainHashes;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.common.MalformedException;

/**
 * A block header, 120 bytes: what proof of work is done over and what the block hash names.
 *
 * @param version a number the rules may later give meaning to; any unsigned 32-bit value
 * @param previous the hash of the parent block (all zero for the genesis block)
 * @param txRoot the {@link MerkleTree} root of the block's txids
 * @param witnessRoot the {@link MerkleTree} root of the block's wtxids, the coinbase's included
 * @param time seconds since the Unix epoch, 0 to 2^63 − 1
 * @param bits the proof-of-work target
 * @param nonce what a miner varies; any 64-bit value
 */
public record BlockHeader(
    int version,
    BlockHash previous,
    Hash32 txRoot,
    Hash32 witnessRoot,
    long time,
    CompactTarget bits,
    long nonce) {
  /** The encoded length. */
  public static final int ENCODED_LENGTH = 4 + 3 * Hash32.LENGTH + 8 + 4 + 8;

  public BlockHeader {
    if (time < 0) {
      throw new BlockException("block time " + time + " is negative");
    }
  }

  /** The same header with another nonce. */
  public BlockHeader withNonce(long newNonce) {
    return new BlockHeader(version, previous, txRoot, witnessRoot, time, bits, newNonce);
  }

  /** {@code H(eq/block, encode())}. */
  public BlockHash hash() {
    return new BlockHash(ChainHashes.BLOCK.hash(encode()));
  }

  /** True when the hash meets the header's own target. */
  public boolean hasProofOfWork() {
    return bits.isMetBy(hash());
  }

  public byte[] encode() {
    ByteWriter writer = ByteWriter.withMaxSize(ENCODED_LENGTH);
    write(writer);
    return writer.toByteArray();
  }

  public void write(ByteWriter writer) {
    writer.writeInt32LE(version);
    previous.write(writer);
    txRoot.write(writer);
    witnessRoot.write(writer);
    writer.writeInt64LE(time);
    writer.writeInt32LE(bits.bits());
    writer.writeInt64LE(nonce);
  }

  /** Decodes exactly {@link #ENCODED_LENGTH} bytes. */
  public static BlockHeader decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    BlockHeader header = read(reader);
    reader.expectEnd("block header");
    return header;
  }

  public static BlockHeader read(ByteReader reader) {
    int version = reader.readInt32LE();
    BlockHash previous = BlockHash.read(reader);
    Hash32 txRoot = Hash32.read(reader);
    Hash32 witnessRoot = Hash32.read(reader);
    long time = reader.readInt64LE();
    if (time < 0) {
      throw new MalformedException(
          "block time " + Long.toUnsignedString(time) + " is above 2^63-1");
    }
    int bits = reader.readInt32LE();
    long nonce = reader.readInt64LE();
    try {
      return new BlockHeader(
          version, previous, txRoot, witnessRoot, time, new CompactTarget(bits), nonce);
    } catch (BlockException e) {
      throw new MalformedException(String.valueOf(e.getMessage()));
    }
  }
}
