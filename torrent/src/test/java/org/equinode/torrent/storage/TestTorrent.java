package org.equinode.torrent.storage;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.FileEntry;
import org.equinode.torrent.metainfo.FilePath;
import org.equinode.torrent.metainfo.PieceHashes;

/** Random content cut into files and pieces, with the right piece hashes. */
final class TestTorrent {
  private final FileLayout layout;
  private final PieceHashes hashes;
  private final byte[] data;

  private TestTorrent(FileLayout layout, PieceHashes hashes, byte[] data) {
    this.layout = layout;
    this.hashes = hashes;
    this.data = data;
  }

  FileLayout layout() {
    return layout;
  }

  PieceHashes hashes() {
    return hashes;
  }

  /** Files {@code t/f0}, {@code t/f1}, ... of the given lengths, filled from {@code seed}. */
  static TestTorrent of(long seed, int pieceLength, long... lengths) {
    List<FileEntry> files = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      files.add(new FileEntry(FilePath.of("t", "f" + i), lengths[i]));
    }
    return of(seed, pieceLength, files);
  }

  static TestTorrent of(long seed, int pieceLength, List<FileEntry> files) {
    long total = files.stream().mapToLong(FileEntry::length).sum();
    byte[] data = SeededRandom.bytes(SeededRandom.of(seed), Math.toIntExact(total));
    FileLayout layout = FileLayout.of(pieceLength, files);
    byte[] hashes = new byte[layout.pieceCount() * PieceHashes.HASH_LENGTH];
    for (int p = 0; p < layout.pieceCount(); p++) {
      byte[] h = sha1(piece(data, layout, p));
      System.arraycopy(h, 0, hashes, p * PieceHashes.HASH_LENGTH, h.length);
    }
    return new TestTorrent(layout, PieceHashes.of(hashes), data);
  }

  /** A torrent of random file sizes, some of them zero. */
  static TestTorrent random(RandomGenerator random, int pieceLength, int maxFiles, int maxFile) {
    int count = random.nextInt(1, maxFiles + 1);
    long[] lengths = new long[count];
    for (int i = 0; i < count; i++) {
      lengths[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(1, maxFile + 1);
    }
    lengths[random.nextInt(count)] += 1;
    return of(random.nextLong(), pieceLength, lengths);
  }

  static byte[] piece(byte[] data, FileLayout layout, int piece) {
    int start = (int) layout.pieceStart(piece);
    return Arrays.copyOfRange(data, start, start + layout.pieceSize(piece));
  }

  byte[] piece(int piece) {
    return piece(data, layout, piece);
  }

  /** {@code length} bytes of piece {@code piece} from {@code offset}, in a fresh buffer. */
  ByteBuffer block(int piece, int offset, int length) {
    int start = (int) layout.pieceStart(piece) + offset;
    return ByteBuffer.wrap(Arrays.copyOfRange(data, start, start + length));
  }

  /** The bytes of file {@code file}. */
  byte[] file(int file) {
    int start = (int) layout.fileStart(file);
    return Arrays.copyOfRange(data, start, start + (int) layout.fileLength(file));
  }

  /** Writes piece {@code piece} in blocks of {@code block} bytes. */
  void writePiece(PieceStore store, int piece, int block) {
    int size = layout.pieceSize(piece);
    for (int offset = 0; offset < size; offset += block) {
      store.writeBlock(piece, offset, block(piece, offset, Math.min(block, size - offset)));
    }
  }

  /** Writes piece {@code piece} through {@code storage} in blocks of {@code block} bytes. */
  void writePiece(TorrentStorage storage, int piece, int block) {
    int size = layout.pieceSize(piece);
    for (int offset = 0; offset < size; offset += block) {
      storage.writeBlock(piece, offset, block(piece, offset, Math.min(block, size - offset)));
    }
  }

  static byte[] sha1(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
