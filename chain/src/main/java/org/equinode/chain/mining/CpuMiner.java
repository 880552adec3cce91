package org.equinode.chain.mining;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.equinode.chain.BlockHash;
import org.equinode.chain.ChainHashes;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.common.Hash32;
import org.jspecify.annotations.Nullable;

/**
 * Grinds a template's nonce on CPU threads until its hash meets the target. Each of the {@code
 * threads} platform threads owns a disjoint range of nonces; when it has tried its whole range it
 * moves to the next extra nonce (in the coinbase's data, which changes the witness root), so no two
 * threads ever hash the same header. With one thread it works on the caller's thread. It stops when
 * a thread finds a block, when the cancel flag says so (read every {@link #CHECK_INTERVAL} hashes)
 * or when the calling thread is interrupted. Thread-safe: each call has its own threads and state.
 */
public final class CpuMiner {
  /** The most threads a miner may use. */
  public static final int MAX_THREADS = 256;

  /** Hashes between two looks at the cancel flag. */
  public static final int CHECK_INTERVAL = 1 << 12;

  private static final int NONCE_OFFSET = BlockHeader.ENCODED_LENGTH - Long.BYTES;

  private final int threads;
  private final long noncesPerThread;

  /** A miner on {@code threads} threads, each grinding 2^64 / threads nonces per extra nonce. */
  public CpuMiner(int threads) {
    this(threads, Long.divideUnsigned(-1L, checkThreads(threads)));
  }

  /** A miner whose threads try {@code noncesPerThread} nonces each per extra nonce (for tests). */
  CpuMiner(int threads, long noncesPerThread) {
    checkThreads(threads);
    if (noncesPerThread == 0
        || Long.compareUnsigned(noncesPerThread, Long.divideUnsigned(-1L, threads)) > 0) {
      throw new MiningException(
          "nonces per thread "
              + Long.toUnsignedString(noncesPerThread)
              + " do not split 2^64 in "
              + threads);
    }
    this.threads = threads;
    this.noncesPerThread = noncesPerThread;
  }

  private static int checkThreads(int threads) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new MiningException("miner threads " + threads + " is outside 1.." + MAX_THREADS);
    }
    return threads;
  }

  public int threads() {
    return threads;
  }

  /**
   * Mines {@code template}: the solved block, or empty when cancelled or interrupted (the interrupt
   * stays set). {@code cancelled} is read from the mining threads.
   */
  public Optional<Block> solve(BlockTemplate template, BooleanSupplier cancelled) {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<@Nullable Block> found = new AtomicReference<>();
    BooleanSupplier stopped = () -> stop.get() || cancelled.getAsBoolean();
    if (threads == 1) {
      grind(template, 0, stopped, found, stop);
      return Optional.ofNullable(found.get());
    }
    List<Thread> workers = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int range = t;
      workers.add(
          Thread.ofPlatform()
              .name("equinode-miner-" + t)
              .daemon(true)
              .start(() -> grind(template, range, stopped, found, stop)));
    }
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (true) {
        try {
          worker.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          stop.set(true);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    return Optional.ofNullable(found.get());
  }

  private void grind(
      BlockTemplate template,
      int range,
      BooleanSupplier stopped,
      AtomicReference<@Nullable Block> found,
      AtomicBoolean stop) {
    byte[] target = targetBytes(template);
    long first = range * noncesPerThread;
    for (long extraNonce = 0;
        !stopped.getAsBoolean() && !Thread.currentThread().isInterrupted();
        extraNonce++) {
      byte[] header = template.header(extraNonce).encode();
      for (long i = 0; Long.compareUnsigned(i, noncesPerThread) < 0; i++) {
        long nonce = first + i;
        writeNonce(header, nonce);
        Hash32 hash = ChainHashes.BLOCK.hash(header);
        if (Arrays.compareUnsigned(hash.toByteArray(), target) <= 0) {
          Block block = template.block(extraNonce, nonce);
          if (!block.header().hasProofOfWork()) {
            throw new MiningException(
                "miner bug: " + new BlockHash(hash) + " passed its own check");
          }
          if (found.compareAndSet(null, block)) {
            stop.set(true);
          }
          return;
        }
        if ((i & (CHECK_INTERVAL - 1)) == CHECK_INTERVAL - 1
            && (stopped.getAsBoolean() || Thread.currentThread().isInterrupted())) {
          return;
        }
      }
    }
  }

  /**
   * Mines {@code count} blocks paying to {@code payTo}, each on the tip the previous one made:
   * assembles a template, solves it, submits it to {@code sink}. Stops early when cancelled or
   * interrupted ({@code generatetoaddress} on DEV).
   *
   * @return the blocks mined and submitted, in order
   */
  public List<Block> mineBlocks(
      int count,
      LockHash payTo,
      BlockAssembler assembler,
      BlockSink sink,
      BooleanSupplier cancelled) {
    if (count < 0) {
      throw new MiningException("cannot mine " + count + " blocks");
    }
    List<Block> mined = new ArrayList<>(count);
    for (int i = 0; i < count && !cancelled.getAsBoolean(); i++) {
      Optional<Block> block = solve(assembler.assemble(payTo), cancelled);
      if (block.isEmpty()) {
        break;
      }
      sink.submit(block.get());
      mined.add(block.get());
    }
    return mined;
  }

  private static void writeNonce(byte[] header, long nonce) {
    for (int i = 0; i < Long.BYTES; i++) {
      header[NONCE_OFFSET + i] = (byte) (nonce >>> (8 * i));
    }
  }

  /** The target as 32 big-endian bytes, to compare with a hash read big-endian. */
  private static byte[] targetBytes(BlockTemplate template) {
    BigInteger target = template.bits().target();
    byte[] raw = target.toByteArray(); // big-endian, maybe with a leading sign byte
    byte[] out = new byte[Hash32.LENGTH];
    int copy = Math.min(raw.length, Hash32.LENGTH);
    System.arraycopy(raw, raw.length - copy, out, Hash32.LENGTH - copy, copy);
    return out;
  }
}
