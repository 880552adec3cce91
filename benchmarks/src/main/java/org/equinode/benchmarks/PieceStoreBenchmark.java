package org.equinode.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.equinode.torrent.metainfo.FileEntry;
import org.equinode.torrent.metainfo.FilePath;
import org.equinode.torrent.metainfo.PieceHashes;
import org.equinode.torrent.storage.DiskPieceStore;
import org.equinode.torrent.storage.FileLayout;
import org.equinode.torrent.storage.StorageOptions;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link DiskPieceStore} on a 64 MiB file of 1 MiB pieces in a temporary folder: one operation
 * writes or verifies one piece, so operations per second are MiB/s. Writes go in 16 KiB blocks, as
 * peers send them, and land in the page cache (no fsync); verification reads back and hashes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PieceStoreBenchmark {
  private static final int PIECE = 1 << 20;
  private static final int PIECES = 64;
  private static final int BLOCK = 16 * 1024;

  private Path folder = Path.of("");
  private byte[] data = new byte[0];
  private final ByteBuffer block = ByteBuffer.allocate(BLOCK);
  private @Nullable DiskPieceStore store;
  private int next;

  @Setup
  public void open() throws IOException, NoSuchAlgorithmException {
    folder = Files.createTempDirectory("equinode-bench");
    data = new byte[PIECE * PIECES];
    new SplittableRandom(1).nextBytes(data);
    byte[] hashes = new byte[PIECES * PieceHashes.HASH_LENGTH];
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    for (int p = 0; p < PIECES; p++) {
      sha1.update(data, p * PIECE, PIECE);
      System.arraycopy(sha1.digest(), 0, hashes, p * PieceHashes.HASH_LENGTH, 20);
    }
    FileLayout layout =
        FileLayout.of(PIECE, List.of(new FileEntry(FilePath.of("data.bin"), data.length)));
    store = DiskPieceStore.open(layout, PieceHashes.of(hashes), folder, StorageOptions.defaults());
    for (int p = 0; p < PIECES; p++) {
      writePiece(p);
    }
  }

  @TearDown
  public void close() throws IOException {
    store().close();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private DiskPieceStore store() {
    DiskPieceStore s = store;
    if (s == null) {
      throw new IllegalStateException("not set up");
    }
    return s;
  }

  private void writePiece(int piece) {
    for (int offset = 0; offset < PIECE; offset += BLOCK) {
      block.clear();
      block.put(data, piece * PIECE + offset, BLOCK).flip();
      store().writeBlock(piece, offset, block);
    }
  }

  /** One 1 MiB piece written as 64 blocks of 16 KiB. */
  @Benchmark
  public void writePiece() {
    writePiece(next);
    next = (next + 1) % PIECES;
  }

  /** One 1 MiB piece read back and checked against its SHA-1. */
  @Benchmark
  public void verifyPiece() {
    if (!store().verifyPiece(next)) {
      throw new IllegalStateException("piece " + next + " failed");
    }
    next = (next + 1) % PIECES;
  }
}
