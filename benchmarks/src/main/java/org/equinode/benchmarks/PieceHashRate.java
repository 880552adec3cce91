package org.equinode.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.equinode.torrent.metainfo.FileEntry;
import org.equinode.torrent.metainfo.FilePath;
import org.equinode.torrent.metainfo.PieceHashes;
import org.equinode.torrent.storage.DiskPieceStore;
import org.equinode.torrent.storage.FileLayout;
import org.equinode.torrent.storage.StorageOptions;

/**
 * Equinode's piece hashing beside the JDK's raw SHA-1, in one JVM: {@code PieceHashRate DIR MIB}
 * writes MIB MiB of random 1 MiB pieces through a {@link DiskPieceStore} in DIR, then alternates
 * rounds of three: {@link PieceHashes#verify(int, ByteBuffer)} over each piece in a direct buffer
 * (what a download does with a piece assembled in memory), {@link DiskPieceStore#verifyPiece} (read
 * back from the file and hashed, as a recheck does), and one reused {@link MessageDigest} over the
 * same bytes in a {@code byte[]}. After one warm-up round of each, prints the median MiB/s of each
 * as one JSON line (the torrent benchmark, {@code benchmarks/torrent/bench.py}, reads it).
 */
public final class PieceHashRate {
  private static final int PIECE = 1 << 20;
  private static final int BLOCK = 16 * 1024;
  private static final int ROUNDS = 5;

  private PieceHashRate() {}

  public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: PieceHashRate DIR MIB");
    }
    Path folder = Files.createDirectories(Path.of(args[0]));
    int pieces = Integer.parseInt(args[1]);
    byte[] data = new byte[pieces * PIECE];
    new SplittableRandom(1).nextBytes(data);
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    byte[] hashes = new byte[pieces * PieceHashes.HASH_LENGTH];
    for (int p = 0; p < pieces; p++) {
      sha1.update(data, p * PIECE, PIECE);
      System.arraycopy(sha1.digest(), 0, hashes, p * PieceHashes.HASH_LENGTH, 20);
    }
    FileLayout layout =
        FileLayout.of(PIECE, List.of(new FileEntry(FilePath.of("data.bin"), data.length)));
    double[] memory = new double[ROUNDS];
    double[] equinode = new double[ROUNDS];
    double[] jdk = new double[ROUNDS];
    PieceHashes pieceHashes = PieceHashes.of(hashes);
    ByteBuffer piece = ByteBuffer.allocateDirect(PIECE);
    try (DiskPieceStore store =
        DiskPieceStore.open(layout, pieceHashes, folder, StorageOptions.defaults())) {
      ByteBuffer block = ByteBuffer.allocate(BLOCK);
      for (int p = 0; p < pieces; p++) {
        for (int offset = 0; offset < PIECE; offset += BLOCK) {
          block.clear();
          block.put(data, p * PIECE + offset, BLOCK).flip();
          store.writeBlock(p, offset, block);
        }
      }
      for (int round = -1; round < ROUNDS; round++) {
        long fromMemory = 0;
        for (int p = 0; p < pieces; p++) {
          piece.clear();
          piece.put(data, p * PIECE, PIECE).flip();
          long before = System.nanoTime();
          if (!pieceHashes.verify(p, piece)) {
            throw new IllegalStateException("piece " + p + " failed its hash in memory");
          }
          fromMemory += System.nanoTime() - before;
        }
        long start = System.nanoTime();
        for (int p = 0; p < pieces; p++) {
          if (!store.verifyPiece(p)) {
            throw new IllegalStateException("piece " + p + " failed its hash");
          }
        }
        long middle = System.nanoTime();
        byte[] digest = new byte[20];
        for (int p = 0; p < pieces; p++) {
          sha1.update(data, p * PIECE, PIECE);
          sha1.digest(digest, 0, digest.length);
        }
        long end = System.nanoTime();
        if (round >= 0) {
          memory[round] = pieces / (fromMemory / 1e9);
          equinode[round] = pieces / ((middle - start) / 1e9);
          jdk[round] = pieces / ((end - middle) / 1e9);
        }
      }
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("SHA-1 refused a 20-byte output", e);
    } finally {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "{\"java\": \"%s\", \"mib\": %d, \"rounds\": %d, \"equinode_memory_mib_per_s\": %.0f,"
            + " \"equinode_mib_per_s\": %.0f, \"jdk_sha1_mib_per_s\": %.0f}%n",
        Runtime.version(),
        pieces,
        ROUNDS,
        median(memory),
        median(equinode),
        median(jdk));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
