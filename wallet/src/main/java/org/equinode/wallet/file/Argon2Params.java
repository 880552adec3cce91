package org.equinode.wallet.file;

import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.equinode.wallet.WalletException;

/**
 * The cost of Argon2id (version 1.3) when it turns a passphrase into the file key. Stored in each
 * file's header, so files written with other costs stay readable when the defaults change. The
 * limits bound what a file can make the program spend before its passphrase is even checked.
 *
 * @param memoryKiB memory in KiB, at least {@link #MIN_MEMORY_KIB_PER_LANE} per lane
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {
  /** Default memory: 64 MiB. */
  public static final int DEFAULT_MEMORY_KIB = 64 * 1024;

  /** Default passes. */
  public static final int DEFAULT_ITERATIONS = 3;

  /** Default lanes. */
  public static final int DEFAULT_PARALLELISM = 1;

  /** What new wallet files use: 64 MiB, 3 passes, 1 lane (about a quarter second). */
  public static final Argon2Params DEFAULT =
      new Argon2Params(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);

  /** Argon2's own lower bound: 8 KiB of memory per lane. */
  public static final int MIN_MEMORY_KIB_PER_LANE = 8;

  /** The most memory a file may ask for: 1 GiB. */
  public static final int MAX_MEMORY_KIB = 1024 * 1024;

  /** The most passes a file may ask for. */
  public static final int MAX_ITERATIONS = 64;

  /** The most lanes a file may ask for. */
  public static final int MAX_PARALLELISM = 16;

  /** The encoded length: {@code u32} memory, {@code u32} iterations, {@code u8} lanes. */
  public static final int ENCODED_LENGTH = 9;

  public Argon2Params {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new WalletException(
          "Argon2 parallelism " + parallelism + " is outside 1.." + MAX_PARALLELISM);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new WalletException(
          "Argon2 iterations " + iterations + " is outside 1.." + MAX_ITERATIONS);
    }
    int least = MIN_MEMORY_KIB_PER_LANE * parallelism;
    if (memoryKiB < least || memoryKiB > MAX_MEMORY_KIB) {
      throw new WalletException(
          "Argon2 memory " + memoryKiB + " KiB is outside " + least + ".." + MAX_MEMORY_KIB);
    }
  }

  public void write(ByteWriter writer) {
    writer.writeInt32LE(memoryKiB).writeInt32LE(iterations).writeU8(parallelism);
  }

  public static Argon2Params read(ByteReader reader) {
    long memory = reader.readU32LE();
    long iterations = reader.readU32LE();
    int parallelism = reader.readU8();
    if (memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS) {
      throw new MalformedException(
          "Argon2 cost of "
              + memory
              + " KiB and "
              + iterations
              + " iterations exceeds "
              + MAX_MEMORY_KIB
              + " KiB or "
              + MAX_ITERATIONS);
    }
    try {
      return new Argon2Params((int) memory, (int) iterations, parallelism);
    } catch (WalletException e) {
      throw new MalformedException(String.valueOf(e.getMessage()));
    }
  }
}
