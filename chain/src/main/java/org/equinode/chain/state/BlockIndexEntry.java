package org.equinode.chain.state;

import java.math.BigInteger;
import java.util.Objects;
import org.equinode.chain.BlockHash;
import org.equinode.chain.ChainException;
import org.equinode.chain.block.BlockHeader;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;

/**
 * What the chain state knows of one block besides its transactions: the header, its height, the
 * cumulative work of the chain that ends with it, and its {@link BlockStatus}. Immutable; the hash
 * is computed once.
 *
 * <p>Stored form: header (120) ‖ {@code u32} height ‖ CompactSize length ‖ the cumulative work as
 * an unsigned big-endian number of that many bytes (1 to {@link #MAX_WORK_BYTES}, no leading zero
 * byte, not zero) ‖ the status flag byte.
 */
public final class BlockIndexEntry {
  /**
   * The longest stored cumulative work: a block's work is at most 2^255 and a chain has at most
   * 2^31 blocks, so the sum stays below 2^287, which fits in 36 bytes.
   */
  static final int MAX_WORK_BYTES = 36;

  /** The longest encoding. */
  static final int MAX_ENCODED_LENGTH = BlockHeader.ENCODED_LENGTH + 4 + 1 + MAX_WORK_BYTES + 1;

  private final BlockHeader header;
  private final BlockHash hash;
  private final int height;
  private final BigInteger chainWork;
  private final BlockStatus status;

  private BlockIndexEntry(
      BlockHeader header, BlockHash hash, int height, BigInteger chainWork, BlockStatus status) {
    this.header = header;
    this.hash = hash;
    this.height = height;
    this.chainWork = chainWork;
    this.status = status;
  }

  /**
   * The entry of {@code header}.
   *
   * @throws ChainException if the height is negative or the work is not positive or too large
   */
  public static BlockIndexEntry of(
      BlockHeader header, int height, BigInteger chainWork, BlockStatus status) {
    if (height < 0) {
      throw new ChainException("block height " + height + " is negative");
    }
    if (chainWork.signum() <= 0 || chainWork.bitLength() > 8 * MAX_WORK_BYTES) {
      throw new ChainException("chain work " + chainWork + " is outside 1..2^288-1");
    }
    return new BlockIndexEntry(header, header.hash(), height, chainWork, status);
  }

  public BlockHeader header() {
    return header;
  }

  public BlockHash hash() {
    return hash;
  }

  public BlockHash previous() {
    return header.previous();
  }

  public int height() {
    return height;
  }

  /** The work of every block from the genesis block to this one, both included. */
  public BigInteger chainWork() {
    return chainWork;
  }

  public BlockStatus status() {
    return status;
  }

  /** The same entry with another status. */
  public BlockIndexEntry withStatus(BlockStatus newStatus) {
    return new BlockIndexEntry(header, hash, height, chainWork, newStatus);
  }

  byte[] encode() {
    byte[] work = unsignedBytes(chainWork);
    ByteWriter writer = ByteWriter.withMaxSize(MAX_ENCODED_LENGTH);
    header.write(writer);
    writer.writeInt32LE(height);
    writer.writeVarBytes(work);
    writer.writeU8(status.bits());
    return writer.toByteArray();
  }

  /** Decodes exactly one entry from all of {@code bytes}. */
  static BlockIndexEntry decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    BlockHeader header = BlockHeader.read(reader);
    int height = reader.readInt32LE();
    if (height < 0) {
      throw new MalformedException(
          "block height " + Integer.toUnsignedString(height) + " is above 2^31-1");
    }
    byte[] work = reader.readVarBytes(MAX_WORK_BYTES, "chain work");
    if (work.length == 0 || work[0] == 0) {
      throw new MalformedException("chain work is zero or has a leading zero byte");
    }
    BlockStatus status = BlockStatus.ofBits(reader.readU8());
    reader.expectEnd("block index entry");
    return new BlockIndexEntry(header, header.hash(), height, new BigInteger(1, work), status);
  }

  /** The magnitude of a positive number, big-endian, without a leading zero byte. */
  private static byte[] unsignedBytes(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes[0] == 0) {
      byte[] trimmed = new byte[bytes.length - 1];
      System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockIndexEntry other
        && header.equals(other.header)
        && height == other.height
        && chainWork.equals(other.chainWork)
        && status.equals(other.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hash, height, chainWork, status);
  }

  @Override
  public String toString() {
    return "BlockIndexEntry["
        + hash
        + " at "
        + height
        + ", work "
        + chainWork
        + ", "
        + status
        + "]";
  }
}
